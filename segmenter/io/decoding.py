"""Turning the bytes of a page into text, whatever encoding it came in.

The order of evidence, strongest first:

1. an explicit ``encoding`` (the ``--encoding`` option): used as given, undecodable bytes replaced;
2. a byte-order mark (UTF-32, UTF-8, UTF-16): the mark is removed from the text;
3. UTF-16 without a mark, recognised by its zero bytes all on even or all on odd positions;
4. strict UTF-8, which nearly never accepts text in another encoding by accident;
5. UTF-8 mixed with a few single-byte characters (a dump glued from UTF-8 and cp1252 files): the stray
   bytes are read as cp1252;
6. charset-normalizer's guess (GB18030, Shift-JIS, EUC-KR, cp1251, ...); a guess of a Latin-script
   single-byte encoding (cp1250, cp775, mac_latin2, ...) is read as cp1252 instead, because on short
   Western text the detector picks among those nearly at random (use ``encoding`` for Polish cp1250);
7. UTF-8 with every undecodable byte read as cp1252, or as U+FFFD where cp1252 has no character.

Data whose sample is full of zero bytes or control characters is not text: `NotTextError` says it
"looks binary". A few stray NUL characters in real text become spaces, one for one, so the returned
text has the same length as the decoded one and offsets into it stay exact. Nothing else is changed:
line ends (``\\r\\n``, lone ``\\r``) are kept as they are, because segment offsets point into this text.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

#: How many leading bytes (or characters) are looked at to tell text from binary data.
SAMPLE_SIZE = 65536

#: Share of zero bytes in the sample above which data without a byte-order mark is binary.
MAX_NUL_SHARE = 0.01

#: Share of control characters (and undecodable bytes) above which decoded text is binary.
MAX_CONTROL_SHARE = 0.05

#: ... and at least this many of them (a short text with one bad byte is still text).
MIN_CONTROLS = 8

#: Mixed UTF-8: at most this share of the non-ASCII sequences may be invalid UTF-8.
MAX_MIXED_INVALID_SHARE = 0.1

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Guesses for Latin-script single-byte text that are read as cp1252 instead: on short Western text
#: the detector picks among them nearly at random, and cp1252 is what legacy Western pages use.
_LATIN_SINGLE_BYTE = frozenset(
    {"cp1250", "cp1252", "cp1257", "cp437", "cp775", "cp850", "cp852", "cp858", "cp860", "cp863", "cp865"}
    | {"hp_roman8", "latin_1", "mac_latin2", "mac_roman", "mac_iceland", "iso8859_2", "iso8859_3", "iso8859_4"}
    | {"iso8859_9", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16"}
)
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffd]")
_NON_ASCII_RUN = re.compile(rb"[\x80-\xff]+")
_META_CHARSET = re.compile(rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
#: Declarations that servers and editors write by default, whatever the bytes: detection decides
#: (and reads Western text as cp1252, as browsers read these labels).
_DEFAULT_DECLARATIONS = frozenset({"ascii", "iso8859-1", "cp1252"})


class NotTextError(ValueError):
    """The bytes are not text in any encoding (an image, an archive, a program)."""


def check_encoding(encoding: str) -> str:
    """Return the canonical name of ``encoding``; raise ValueError if Python does not know it."""
    try:
        return codecs.lookup(encoding).name
    except (LookupError, TypeError, ValueError):
        raise ValueError(
            f"unknown encoding {encoding!r}: give a name Python knows, such as utf-8, cp1252 or gb18030"
        ) from None


def _cp1252_or_replacement(error: UnicodeDecodeError) -> tuple[str, int]:
    """Decode error handler: read each undecodable byte on its own as cp1252."""
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("segmenter-cp1252", _cp1252_or_replacement)


def _from_bom(data: bytes) -> tuple[str, int] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """``utf-16-le``/``-be`` if the zero bytes sit nearly all on odd/even positions, else None."""
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_nuls > 0.3 * half and even_nuls < 0.02 * odd_nuls:
        return "utf-16-le"
    if even_nuls > 0.3 * half and odd_nuls < 0.02 * even_nuls:
        return "utf-16-be"
    return None


def _mostly_utf8(sample: bytes) -> bool:
    """Whether non-ASCII runs are nearly all valid UTF-8 (a UTF-8 text with a few stray bytes)."""
    valid = invalid = 0
    for run in _NON_ASCII_RUN.finditer(sample):
        try:
            run.group().decode("utf-8")
            valid += 1
        except UnicodeDecodeError:
            invalid += 1
    return valid > 0 and invalid <= MAX_MIXED_INVALID_SHARE * (valid + invalid)


def _guess(data: bytes) -> str:
    best = from_bytes(data).best()
    if best is None or best.encoding.startswith(("utf_16", "utf_32")):  # those were ruled out above
        return data.decode("utf-8", errors="segmenter-cp1252")
    if best.encoding in _LATIN_SINGLE_BYTE:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)


def _check_text(text: str, origin: str) -> None:
    sample = text[:SAMPLE_SIZE]
    if not sample:
        return
    controls = len(_CONTROL.findall(sample))
    if controls > max(MAX_CONTROL_SHARE * len(sample), MIN_CONTROLS):
        share = round(100 * controls / len(sample))
        where = f"{origin}: " if origin else ""
        raise NotTextError(
            f"{where}looks binary, not text ({share}% of the first {len(sample)} characters are control "
            "characters or undecodable bytes)"
        )


def _decode(data: bytes, encoding: str | None, origin: str) -> str:
    if encoding is not None:
        text = data.decode(check_encoding(encoding), errors="replace")
        return text[1:] if text.startswith("\ufeff") else text
    bom = _from_bom(data)
    if bom is not None:
        name, size = bom
        return data[size:].decode(name, errors="replace")
    sample = data[:SAMPLE_SIZE]
    utf16 = _utf16_without_bom(sample) if 0 in sample else None
    if utf16 is not None:
        return data.decode(utf16, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if sample.count(0) > max(MAX_NUL_SHARE * len(sample), MIN_CONTROLS):
        share = round(100 * sample.count(0) / len(sample))
        where = f"{origin}: " if origin else ""
        raise NotTextError(f"{where}looks binary, not text ({share}% of the first {len(sample)} bytes are zero)")
    if _mostly_utf8(sample):
        return data.decode("utf-8", errors="segmenter-cp1252")
    return _guess(data)


def decode_bytes(data: bytes, encoding: str | None = None, origin: str = "") -> str:
    """Decode the bytes of one page into text.

    ``encoding`` forces an encoding (undecodable bytes become U+FFFD); otherwise it is detected as
    the module docstring describes. ``origin`` (a path, ``path:line``) only serves the message of
    a `NotTextError`, raised when the data looks binary. An unknown ``encoding`` raises ValueError.
    Stray NUL characters become spaces; the text is otherwise returned exactly as decoded.
    """
    text = _decode(bytes(data), encoding, origin)
    _check_text(text, origin)
    return text.replace("\x00", " ") if "\x00" in text else text


def declared_charset(content_type: str | None = None, html: bytes | None = None) -> str | None:
    """The charset a page declares: from an HTTP ``Content-Type`` value, else from a ``<meta>`` tag
    in the first 4 KB of ``html``. None when nothing is declared or Python does not know the name.
    """
    name = None
    if content_type and "charset=" in content_type.lower():
        name = content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'")
    if not name and html:
        match = _META_CHARSET.search(html[:4096])
        name = match.group(1).decode("ascii") if match else None
    if not name:
        return None
    try:
        return check_encoding(name)
    except ValueError:
        return None


def decode_page(data: bytes, declared: str | None = None, encoding: str | None = None, origin: str = "") -> str:
    """Decode a web page whose charset may be ``declared`` (see `declared_charset`).

    Like `decode_bytes`, except that a page that is neither marked (BOM) nor valid UTF-8 is first
    read in its declared charset when every byte decodes in it, so a wrong declaration falls back to
    detection. Latin-1, ASCII and cp1252 declarations, which are often mere defaults, are left to
    detection, which reads Western text as cp1252 as browsers do.
    """
    if encoding is None and declared is not None and declared not in _DEFAULT_DECLARATIONS and _from_bom(data) is None:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode(declared)
            except UnicodeDecodeError:
                pass
            else:
                _check_text(text, origin)
                return text.replace("\x00", " ") if "\x00" in text else text
    return decode_bytes(data, encoding, origin)
