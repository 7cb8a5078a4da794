"""Pages from a JSONL dump: one JSON object a line, such as ``{"id": ..., "text": ...}``.

Every non-blank line gives exactly one record: its page, or an error naming ``path:line`` (invalid
JSON, not an object, no text or HTML field, a text that is not a string, a line over the size cap).
Blank lines are counted and skipped. A truncated or corrupt gzip stream ends the file with one error
record after the records read so far (an incomplete last line is not parsed). Page text is kept as
given, except that NUL characters become spaces and unpaired surrogates (``"\\ud800"``) become
U+FFFD, one for one, so offsets stay exact and the text can be written out as UTF-8.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

from segmenter.io.decoding import NotTextError, decode_bytes
from segmenter.io.read_options import MAX_PAGE_BYTES_OPTION, ReadOptions, ReadStats
from segmenter.io.records import Record
from segmenter.io.streams import READ_ERRORS, never_truncated

#: The command-line options that rename the JSONL fields; error records name them.
FIELD_OPTIONS = "--text-field or --html-field"

_SURROGATE = re.compile("[\ud800-\udfff]")
_CHUNK = 1 << 20


def clean_text(text: str) -> str:
    """``text`` with NUL characters as spaces and unpaired surrogates as U+FFFD (same length)."""
    if "\x00" in text:
        text = text.replace("\x00", " ")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = _SURROGATE.sub("\ufffd", text)
    return text


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    return {dict: "an object", list: "an array", str: "a string", type(None): "null"}.get(type(value), "a value")


def _parse(raw: bytes, options: ReadOptions) -> Any:
    """The line's JSON value; raises ValueError with a short reason."""
    try:
        line = decode_bytes(raw, options.encoding)
    except NotTextError:
        raise ValueError("the line is binary data, not text") from None
    try:
        return json.loads(line)
    except json.JSONDecodeError as err:
        raise ValueError(f"invalid JSON ({err.msg} at column {err.colno})") from None
    except RecursionError:
        raise ValueError("invalid JSON (nested too deeply)") from None
    except ValueError as err:  # e.g. an integer with too many digits
        raise ValueError(f"invalid JSON ({str(err)[:80]})") from None


def _record_id(row: dict, options: ReadOptions, origin: str) -> str:
    value = row.get(options.id_field)
    if value is None:
        return origin
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise ValueError(f'field "{options.id_field}" must be a string or a number, not {_kind(value)}')


def record_from_line(raw: bytes, origin: str, options: ReadOptions) -> Record:
    """The record of one non-blank JSONL line; ``origin`` is ``path:line``. Never raises."""
    try:
        row = _parse(raw, options)
        if not isinstance(row, dict):
            raise ValueError(f"expected a JSON object, got {_kind(row)}")
        record_id = _record_id(row, options, origin)
    except ValueError as err:
        return Record(origin, error=str(err), origin=origin)
    text, html = row.get(options.text_field), row.get(options.html_field)
    if isinstance(text, str):
        return Record(record_id, text=clean_text(text), origin=origin)
    if isinstance(html, str):
        return Record(record_id, html=clean_text(html), origin=origin)
    for name in (options.text_field, options.html_field):
        if name in row:
            return Record(record_id, error=f'field "{name}" must be a string, not {_kind(row[name])}', origin=origin)
    fields = f'"{options.text_field}" or "{options.html_field}"'
    return Record(record_id, error=f"no {fields} field (name the fields with {FIELD_OPTIONS})", origin=origin)


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def iter_jsonl(
    stream: BinaryIO,
    name: str,
    options: ReadOptions,
    stats: ReadStats,
    truncated: Callable[[], bool] = never_truncated,
) -> Iterator[Record]:
    """Records of the JSONL dump in ``stream`` (already decompressed); ``name`` is used in origins.

    ``truncated`` tells, at the end of the stream, whether it was cut short (a truncated gzip file).
    """
    cap = options.max_page_bytes
    line_number = 0
    try:
        while raw := stream.readline(cap + 1):
            line_number += 1
            origin = f"{name}:{line_number}"
            if not raw.endswith(b"\n") and truncated():
                yield Record(origin, error=f"file is truncated in line {line_number}", origin=origin)
                return
            if len(raw) > cap and not raw.endswith(b"\n"):
                _skip_rest_of_line(stream)
                message = f"record is larger than {cap} bytes; raise {MAX_PAGE_BYTES_OPTION} to read it"
                yield Record(origin, error=message, origin=origin)
            elif not raw.strip():
                stats.blank_lines += 1
            else:
                yield record_from_line(raw, origin, options)
    except READ_ERRORS as err:
        origin = f"{name}:{line_number + 1}"
        reason = f"file is corrupt after line {line_number} ({type(err).__name__}: {err})"
        yield Record(origin, error=reason, origin=origin)
        return
    if truncated():
        origin = f"{name}:{line_number + 1}"
        yield Record(origin, error=f"file is truncated after line {line_number}", origin=origin)
