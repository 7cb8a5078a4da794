"""Pages from a WARC (or ARC) web archive, read with warcio.

A ``response`` record with a 2xx HTTP status and an HTML content type (``text/html``,
``application/xhtml+xml``) gives an HTML record; ``text/plain`` gives a text record; a ``resource``
record of those types likewise. The record's id is its ``WARC-Target-URI``. Nothing else is a page:
request, metadata, warcinfo and revisit records, other statuses and other content types are
skipped and counted in `ReadStats.skipped` by reason, so a run's summary shows them.

A damaged archive gives the records read so far, then one error record naming the record where
reading stopped: a payload shorter than its ``Content-Length`` (a truncated file), a truncated gzip
stream, or data that is not a WARC record. Records that do not end where their ``Content-Length``
says (warcio reads on, and would warn on standard error) give one error record at the end of the file.
The file is decompressed here rather than by warcio, which takes a truncated gzip member for the end.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from segmenter.io.decoding import NotTextError, declared_charset, decode_page
from segmenter.io.jsonl_input import clean_text
from segmenter.io.read_options import MAX_PAGE_BYTES_OPTION, ReadOptions, ReadStats
from segmenter.io.records import Record
from segmenter.io.streams import never_truncated, peek, read_capped

#: Content types that are pages, and the kind of record each gives.
PAGE_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}

_CHUNK = 1 << 20
_ARCHIVE_STARTS = (b"WARC/", b"filedesc://")
#: Bytes allowed after the last record: the blank line (CRLF CRLF) that ends every record.
_RECORD_GAP = 4


def _skip_reason(entry: Any) -> str | None:
    """Why the WARC record is not a page, or None if it is one."""
    if entry.rec_type not in ("response", "resource"):
        return f"WARC {entry.rec_type} records"
    if entry.rec_type == "response":
        if entry.http_headers is None:
            return "WARC responses without HTTP headers"
        status = entry.http_headers.get_statuscode() or "?"
        if not status.startswith("2"):
            return f"WARC responses with HTTP status {status}"
    if _media_type(entry) not in PAGE_TYPES:
        return f"WARC {entry.rec_type}s of type {_media_type(entry) or 'unknown'}"
    return None


def _content_type(entry: Any) -> str:
    headers = entry.http_headers if entry.rec_type == "response" else entry.rec_headers
    return headers.get_header("Content-Type") or ""


def _media_type(entry: Any) -> str:
    return _content_type(entry).split(";")[0].strip().lower()


def _page(entry: Any, origin: str, options: ReadOptions) -> Record:
    headers = entry.rec_headers
    record_id = headers.get_header("WARC-Target-URI") or headers.get_header("WARC-Record-ID") or origin
    record_id = clean_text(record_id)
    try:
        data = read_capped(entry.content_stream(), options.max_page_bytes)
    except Exception as err:  # noqa: BLE001 - warcio raises many types on a damaged HTTP body
        return Record(record_id, error=f"cannot read the HTTP body ({type(err).__name__}: {err})", origin=origin)
    if data is None:
        message = f"page is larger than {options.max_page_bytes} bytes; raise {MAX_PAGE_BYTES_OPTION} to read it"
        return Record(record_id, error=message, origin=origin)
    kind = PAGE_TYPES[_media_type(entry)]
    declared = declared_charset(_content_type(entry), data if kind == "html" else None)
    try:
        text = decode_page(data, declared, options.encoding)
    except NotTextError as err:
        return Record(record_id, error=str(err), origin=origin)
    if kind == "html":
        return Record(record_id, html=text, origin=origin)
    return Record(record_id, text=text, origin=origin)


def _declared_length(entry: Any) -> int | None:
    """The record's Content-Length (``length`` in an ARC file), or None if missing or not a number."""
    name = "length" if entry.format == "arc" else "Content-Length"
    value = (entry.rec_headers.get_header(name) or "").strip()
    return int(value) if value.isdigit() else None


def _truncated(entry: Any) -> bool:
    """Read the record to its end; whether its block was shorter than its Content-Length."""
    stream = entry.raw_stream
    while stream.read(_CHUNK):
        pass
    declared = _declared_length(entry)
    if declared is not None and hasattr(stream, "tell") and declared > stream.tell():
        return True
    return getattr(stream, "limit", 0) > 0


class _Counted(io.RawIOBase):
    """A stream that counts the bytes read from it."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        self.count += len(data)
        return len(data)

    def drain(self) -> int:
        """Read the rest of the stream; the total number of bytes it held."""
        while self.read(_CHUNK):
            pass
        return self.count


class _QuietArchiveIterator(ArchiveIterator):
    """warcio's iterator without its warning on standard error about a record that does not end
    where its Content-Length says; `iter_warc` reports those as an error record instead."""

    INC_RECORD = ""


def _error(name: str, number: int, reason: str, record_id: str | None = None) -> Record:
    origin = f"{name}:record {number}"
    return Record(record_id or origin, error=reason, origin=origin)


def iter_warc(
    stream: BinaryIO,
    name: str,
    options: ReadOptions,
    stats: ReadStats,
    truncated: Callable[[], bool] = never_truncated,
) -> Iterator[Record]:
    """Records of the pages in the (decompressed) WARC ``stream``; ``name`` is used in origins.

    ``truncated`` tells, at the end of the stream, whether it was cut short (a truncated gzip file).
    """
    number = 0
    try:
        head, stream = peek(stream, 16)
        if head.strip() and not head.lstrip().startswith(_ARCHIVE_STARTS):
            yield _error(name, 1, f"not a WARC or ARC archive (it starts with {head[:16]!r})")
            return
        counted = _Counted(stream)
        archive = _QuietArchiveIterator(counted)
        for entry in archive:
            number += 1
            if entry.rec_type is None or _declared_length(entry) is None:
                yield _error(name, number, f"file is truncated or damaged in the headers of WARC record {number}")
                return
            reason = _skip_reason(entry)
            record = _page(entry, f"{name}:record {number}", options) if reason is None else None
            if _truncated(entry):
                record_id = record.id if record is not None else None
                yield _error(name, number, f"file is truncated in WARC record {number}", record_id)
                return
            if record is None:
                stats.skipped[reason] += 1
            else:
                yield record
        end = (archive.get_record_offset() or 0) + (archive.get_record_length() or 0) if number else 0
        if counted.drain() - end > _RECORD_GAP or truncated():
            yield _error(name, number + 1, f"file is truncated or damaged after WARC record {number}")
        elif archive.err_count:
            reason = (
                f"{archive.err_count} WARC records did not end where their Content-Length said; "
                "the pages read from this file may be incomplete"
            )
            yield _error(name, number + 1, reason)
    except Exception as err:  # noqa: BLE001 - warcio reports damage with many types, even AttributeError
        reason = f"file is truncated or not a WARC after record {number} ({type(err).__name__}: {err})"
        yield _error(name, number + 1, reason)
