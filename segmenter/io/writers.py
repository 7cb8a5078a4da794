"""Writing page results: JSONL (the output contract), CSV, or only the text of chosen labels.

Formats, one page result at a time (``{"id", "segments"}`` or ``{"id", "error"}``):

- ``jsonl`` (default): the page object itself, one line per page, as ANNOTATION.md describes.
- ``csv``: a header, then one row per segment: ``id,start,end,label,score,text,error``. A failed page
  is one row with only ``id`` and ``error``; a page without segments (blank text) has no row.
- ``only`` labels, JSONL: one line per page, ``{"id", "text"}``, where ``text`` joins the text of the
  segments with those labels, in page order, with a blank line (``""`` when none). With ``csv``:
  columns ``id,text,error``, one row per page.

Error lines (``{"id", "error"}``) go into the same output by default; with a separate errors stream
they go there instead (always as JSONL) and the output holds segmented pages only.

Files are written as UTF-8. A lone surrogate (from a ``\\ud800`` escape in a JSON input) cannot be
encoded, so it is written as the escape ``\\ud800``, which JSON readers decode back to the same string.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from segmenter.labels import check_label

FORMATS = ("jsonl", "csv")
CSV_COLUMNS = ("id", "start", "end", "label", "score", "text", "error")
ONLY_CSV_COLUMNS = ("id", "text", "error")
#: What joins the segments kept by ``only``.
ONLY_JOINER = "\n\n"
#: How text that UTF-8 cannot encode (lone surrogates) is written.
ENCODING_ERRORS = "backslashreplace"


@dataclass(frozen=True)
class OutputOptions:
    """How page results are written: ``format`` (``jsonl`` or ``csv``) and the ``only`` labels to keep."""

    format: str = "jsonl"
    only: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise ValueError(f"unknown output format {self.format!r}; expected one of {', '.join(FORMATS)}")
        for label in self.only:
            check_label(label)

    @property
    def is_contract_jsonl(self) -> bool:
        """Whether the output is the page objects themselves, as the journal holds them."""
        return self.format == "jsonl" and not self.only


def page_line(page: dict) -> str:
    """The JSONL line of a page object (also the journal's line)."""
    return json.dumps(page, ensure_ascii=False) + "\n"


def encode_line(line: str) -> bytes:
    """``line`` as the UTF-8 bytes written to files."""
    return line.encode("utf-8", ENCODING_ERRORS)


def only_text(page: dict, labels: tuple[str, ...]) -> str:
    """The text of the page's segments with one of ``labels``, joined by a blank line."""
    return ONLY_JOINER.join(s["text"] for s in page["segments"] if s["label"] in labels)


class PageWriter:
    """Writes page objects to ``out`` in the chosen format; errors to ``errors`` when given."""

    def __init__(self, out: TextIO, options: OutputOptions, errors: TextIO | None = None) -> None:
        self.out = out
        self.options = options
        self.errors = errors
        self._csv = csv.writer(out, lineterminator="\n") if options.format == "csv" else None
        if self._csv is not None:
            self._csv.writerow(ONLY_CSV_COLUMNS if options.only else CSV_COLUMNS)

    def write(self, page: dict) -> None:
        """Write one page object (``{"id", "segments"}`` or ``{"id", "error"}``)."""
        if "error" in page and self.errors is not None:
            self.errors.write(page_line(page))
        elif self._csv is not None:
            self._csv.writerows(self._rows(page))
        elif "error" in page or not self.options.only:
            self.out.write(page_line(page))
        else:
            self.out.write(page_line({"id": page["id"], "text": only_text(page, self.options.only)}))

    def _rows(self, page: dict) -> list[tuple]:
        if "error" in page:
            blanks = len(ONLY_CSV_COLUMNS if self.options.only else CSV_COLUMNS) - 2
            return [(page["id"], *[""] * blanks, page["error"])]
        if self.options.only:
            return [(page["id"], only_text(page, self.options.only), "")]
        return [(page["id"], s["start"], s["end"], s["label"], s["score"], s["text"], "") for s in page["segments"]]


def text_stream(binary: BinaryIO) -> TextIO:
    """A UTF-8 text stream over ``binary`` (e.g. standard output's buffer), as files are written."""
    return io.TextIOWrapper(binary, encoding="utf-8", errors=ENCODING_ERRORS, newline="", write_through=False)


@contextmanager
def atomic_output(path: Path) -> Iterator[TextIO]:
    """Write a text file that appears at ``path`` only once it is complete.

    The text goes to a hidden temporary file in the same folder, which replaces ``path`` when the
    block ends without error; on any error or interruption it is removed and ``path`` is untouched.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")  # fixed: a killed run's leftover is reused
    try:
        with open(temporary, "w", encoding="utf-8", errors=ENCODING_ERRORS, newline="") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
