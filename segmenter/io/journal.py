"""The journal of a run that writes a file: the pages done so far, kept so that the run can resume.

A run writing ``OUT`` appends the JSONL line of each page (the output contract's page object, errors
included, in input order) to ``OUT.partial`` and flushes it, page by page. ``OUT`` itself appears only
when the run completes. So after a crash, a kill or Ctrl-C, ``OUT`` is absent (or still the previous
complete run's) and ``OUT.partial`` holds every page finished before the stop, plus at most one torn
last line, which a resumed run cuts off.

Line ``k`` of the journal is the result of input record ``k``: a resumed run reads the inputs again,
checks that the ids match line by line, and skips the pages already done.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from segmenter.io.runner import PageResult
from segmenter.io.writers import encode_line, page_line

_HEAD = '{"id": '
_OK_TAIL = ', "segments": '
_ERROR_TAIL = ', "error": '
_DECODER = json.JSONDecoder()
_CHUNK = 1 << 16


class JournalError(Exception):
    """A journal that does not belong to this run; the message says which and what to do."""


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """What the journal says about one page: its id and whether it was segmented."""

    id: str
    ok: bool


def journal_path(out: Path) -> Path:
    """Where the journal of a run writing ``out`` lives: ``out`` with ``.partial`` appended."""
    return out.with_name(out.name + ".partial")


def complete_length(path: Path) -> int:
    """The size of ``path`` up to the end of its last complete line (0 if it has none)."""
    with path.open("rb") as data:
        end = data.seek(0, os.SEEK_END)
        while end > 0:
            start = max(end - _CHUNK, 0)
            data.seek(start)
            newline = data.read(end - start).rfind(b"\n")
            if newline >= 0:
                return start + newline + 1
            end = start
    return 0


def _entry(line: bytes, path: Path, number: int) -> JournalEntry:
    try:
        text = line.decode("utf-8")
        if not text.startswith(_HEAD):
            raise ValueError("no id first")
        page_id, end = _DECODER.raw_decode(text, len(_HEAD))
        if not isinstance(page_id, str) or not text.startswith((_OK_TAIL, _ERROR_TAIL), end):
            raise ValueError("neither segments nor error after the id")
    except ValueError as err:
        message = f"{path}:{number}: not a segmenter journal line ({err}); delete the file to start over"
        raise JournalError(message) from None
    return JournalEntry(page_id, text.startswith(_OK_TAIL, end))


def read_lines(path: Path, length: int) -> Iterator[bytes]:
    """The raw lines of the journal's first ``length`` bytes."""
    with path.open("rb") as data:
        read = 0
        for line in data:
            read += len(line)
            if read > length:
                return
            yield line


def read_entries(path: Path, length: int) -> Iterator[JournalEntry]:
    """The entries of the journal's first ``length`` bytes, in order."""
    for number, line in enumerate(read_lines(path, length), start=1):
        yield _entry(line, path, number)


class JournalWriter:
    """Appends page lines to a journal, flushing each so that a kill loses at most the page in hand.

    ``keep`` bytes of an existing journal are kept (its complete lines); the rest is cut off.
    """

    def __init__(self, path: Path, keep: int = 0) -> None:
        self.path = path
        self._file: BinaryIO
        if keep:
            self._file = path.open("r+b")
            self._file.truncate(keep)
            self._file.seek(keep)
        else:
            self._file = path.open("wb")

    def append(self, result: PageResult) -> None:
        """Write one page's line and flush it to the operating system."""
        self._file.write(encode_line(page_line(result.to_json())))
        self._file.flush()

    def close(self, sync: bool = False) -> None:
        """Close the journal (again: no-op); ``sync`` first forces it to disk, before it becomes the output."""
        if self._file.closed:
            return
        if sync:
            os.fsync(self._file.fileno())
        self._file.close()

    def __enter__(self) -> JournalWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
