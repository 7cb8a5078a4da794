"""Reading every input of a run as a stream of records, one per page, never raising for bad data.

Inputs, each given as a path (or ``-`` for standard input):

- a page: ``.txt`` gives a text record, ``.html``/``.htm``/``.xhtml`` an HTML record; its id is the
  path as given;
- a folder: every page file below it (hidden names skipped), in sorted order of the path relative to
  the folder, which is the record's id. Dumps in a folder are *not* read (a run's own output file
  could sit there); name them on the command line instead;
- a dump: ``.jsonl``/``.ndjson`` (see `segmenter.io.jsonl_input`) or ``.warc``/``.arc`` (see
  `segmenter.io.warc_input`), one record per page of the dump;
- ``-``: standard input, read as a stream; its format is sniffed from the first bytes (a WARC, a
  JSONL dump whose first line starts with ``{``, an HTML page, else one text page with id ``stdin``).

Any of these may be gzip-compressed (recognised by its first bytes, whatever its name); an unknown
extension is sniffed like standard input. ``ReadOptions.input_format`` forces one format for all.

Nothing is dropped silently: an unreadable, binary, oversized or truncated input gives an error
record saying so, and the run goes on. A repeated id gets ``#2``, ``#3``, ... appended (the first
record keeps it), so that ids stay unique within a run; `ReadStats` counts the renamings. Only a
usage error, an input path that does not exist, is refused up front by `check_inputs`.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import BinaryIO

from segmenter.io.decoding import NotTextError, declared_charset, decode_bytes, decode_page
from segmenter.io.jsonl_input import iter_jsonl
from segmenter.io.read_options import (
    DEFAULT_MAX_PAGE_BYTES,
    MAX_PAGE_BYTES_OPTION,
    ReadOptions,
    ReadStats,
)
from segmenter.io.records import Record
from segmenter.io.streams import READ_ERRORS, peek_format, read_capped, ungzipped
from segmenter.io.warc_input import iter_warc

__all__ = [
    "DEFAULT_MAX_PAGE_BYTES",
    "ReadOptions",
    "ReadStats",
    "check_inputs",
    "format_of",
    "iter_records",
]

#: The input name of standard input, and the id of a page read from it.
STDIN = "-"
STDIN_ID = "stdin"

#: Formats by file extension (before ``.gz``); only pages are collected from folders.
PAGE_SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html", ".xhtml": "html"}
DUMP_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".warc": "warc", ".arc": "warc"}


def format_of(path: str) -> str | None:
    """The input format that ``path``'s extension names (``.gz`` aside), or None if it names none."""
    name = path.lower().removesuffix(".gz")
    suffix = os.path.splitext(name)[1]
    return PAGE_SUFFIXES.get(suffix) or DUMP_SUFFIXES.get(suffix)


def check_inputs(inputs: Sequence[str]) -> None:
    """Raise ValueError with a one-line message if an input path does not exist, or ``-`` repeats.

    The command line calls this before reading anything, so that a mistyped path is a usage error
    rather than an error record in the middle of a run.
    """
    if list(inputs).count(STDIN) > 1:
        raise ValueError("standard input ('-') can be given only once")
    for path in inputs:
        if path != STDIN and not os.path.lexists(path):
            raise ValueError(f"input not found: {path}")


def _reason(err: BaseException) -> str:
    if isinstance(err, OSError) and err.strerror:
        return err.strerror
    return f"{type(err).__name__}: {err}"


def _read_page(
    stream: BinaryIO, record_id: str, name: str, kind: str, options: ReadOptions, truncated: Callable[[], bool]
) -> Record:
    try:
        data = read_capped(stream, options.max_page_bytes)
    except READ_ERRORS as err:
        return Record(record_id, error=f"file is corrupt ({_reason(err)})", origin=name)
    if data is not None and truncated():
        return Record(record_id, error="file is truncated (the gzip stream ends early)", origin=name)
    if data is None:
        message = f"page is larger than {options.max_page_bytes} bytes; raise {MAX_PAGE_BYTES_OPTION} to read it"
        return Record(record_id, error=message, origin=name)
    try:
        if kind == "html":
            return Record(
                record_id, html=decode_page(data, declared_charset(None, data), options.encoding), origin=name
            )
        return Record(record_id, text=decode_bytes(data, options.encoding), origin=name)
    except NotTextError as err:
        return Record(record_id, error=str(err), origin=name)


def _read_stream(
    stream: BinaryIO, record_id: str, name: str, named_format: str | None, options: ReadOptions, stats: ReadStats
) -> Iterator[Record]:
    """Records of one input stream: a page, or the pages of a dump."""
    kind = named_format if options.input_format == "auto" else options.input_format
    try:
        stream, truncated = ungzipped(stream)
        if kind is None:
            kind, stream = peek_format(stream)
    except READ_ERRORS as err:
        yield Record(record_id, error=f"cannot read the file ({_reason(err)})", origin=name)
        return
    if kind == "jsonl":
        yield from iter_jsonl(stream, name, options, stats, truncated)
    elif kind == "warc":
        yield from iter_warc(stream, name, options, stats, truncated)
    else:
        yield _read_page(stream, record_id, name, kind, options, truncated)


def _read_file(path: str, record_id: str, options: ReadOptions, stats: ReadStats) -> Iterator[Record]:
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, after the records are read
    except OSError as err:
        yield Record(record_id, error=f"cannot read the file ({_reason(err)})", origin=path)
        return
    with handle:
        yield from _read_stream(handle, record_id, path, format_of(path), options, stats)


def _folder_entries(folder: str) -> list[tuple[tuple[str, ...], str, str | None]]:
    """(sort key, path, error or None) of every page file and unreadable folder below ``folder``."""
    entries: list[tuple[tuple[str, ...], str, str | None]] = []

    def unreadable(err: OSError) -> None:
        path = err.filename or folder
        relative = os.path.relpath(path, folder)
        entries.append((tuple(relative.split(os.sep)), path, f"cannot list the folder ({_reason(err)})"))

    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.startswith(".") or format_of(name) not in ("text", "html"):
                continue
            path = os.path.join(root, name)
            relative = os.path.relpath(path, folder)
            special = os.path.exists(path) and not os.path.isfile(path)
            entries.append((tuple(relative.split(os.sep)), path, "not a regular file" if special else None))
    entries.sort()
    return entries


def _read_folder(folder: str, options: ReadOptions, stats: ReadStats) -> Iterator[Record]:
    for parts, path, error in _folder_entries(folder):
        record_id = "/".join(parts)
        if error is not None:
            yield Record(record_id, error=error, origin=path)
        else:
            yield from _read_file(path, record_id, options, stats)


def _records(inputs: Sequence[str], options: ReadOptions, stats: ReadStats) -> Iterator[Record]:
    for path in inputs:
        if path == STDIN:
            yield from _read_stream(sys.stdin.buffer, STDIN_ID, "<stdin>", None, options, stats)
        elif os.path.isdir(path):
            yield from _read_folder(path, options, stats)
        else:
            yield from _read_file(path, path, options, stats)


class _UniqueIds:
    """Hands out ids unique within a run, remembering 8-byte digests rather than whole ids."""

    def __init__(self) -> None:
        self._seen: set[bytes] = set()
        self._next_suffix: dict[str, int] = {}

    @staticmethod
    def _key(record_id: str) -> bytes:
        return hashlib.blake2b(record_id.encode("utf-8", "surrogatepass"), digest_size=8).digest()

    def claim(self, record_id: str) -> str:
        """``record_id``, or ``record_id#n`` with the smallest n >= 2 not handed out yet."""
        candidate = record_id
        if self._key(candidate) in self._seen:
            suffix = self._next_suffix.get(record_id, 2)
            while self._key(f"{record_id}#{suffix}") in self._seen:
                suffix += 1
            self._next_suffix[record_id] = suffix + 1
            candidate = f"{record_id}#{suffix}"
        self._seen.add(self._key(candidate))
        return candidate


def iter_records(
    inputs: Sequence[str], options: ReadOptions | None = None, stats: ReadStats | None = None
) -> Iterator[Record]:
    """Read ``inputs`` lazily, in order: exactly one `Record` per page, or per page that failed.

    Parameters
    ----------
    inputs : sequence of str
        Paths of pages, folders and dumps, or ``-`` for standard input (see the module docstring).
        Call `check_inputs` first to refuse missing paths; a path missing here gives an error record.
    options : ReadOptions, optional
        Field names, encoding, size cap and format; the defaults when None.
    stats : ReadStats, optional
        Updated while reading: pages, errors, skipped WARC records, blank lines, renamed ids.
    """
    options = options or ReadOptions()
    stats = stats if stats is not None else ReadStats()
    ids = _UniqueIds()
    for record in _records(inputs, options, stats):
        unique = ids.claim(record.id)
        if unique != record.id:
            stats.renamed_ids += 1
            record = replace(record, id=unique)
        if record.error is None:
            stats.pages += 1
        else:
            stats.errors += 1
        yield record
