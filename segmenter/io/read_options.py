"""How inputs are read (`ReadOptions`) and what reading them met along the way (`ReadStats`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from segmenter.io.decoding import check_encoding

#: Default cap on the size of one page (a file, a JSONL line, a WARC payload), in bytes.
DEFAULT_MAX_PAGE_BYTES = 50_000_000

#: The command-line option that raises the cap; error records name it.
MAX_PAGE_BYTES_OPTION = "--max-page-bytes"

#: Values of ``ReadOptions.input_format``.
INPUT_FORMATS = ("auto", "text", "html", "jsonl", "warc")


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Settings of the input readers, shared by the library and the command line.

    Parameters
    ----------
    id_field, text_field, html_field : str, default "id", "text", "html"
        Field names of a JSONL record. A record needs ``text_field`` or ``html_field`` (text wins
        when both are strings); a record without ``id_field`` is named ``path:line``.
    encoding : str or None, default None
        Force this encoding for every input; None detects it (see `segmenter.io.decoding`).
    max_page_bytes : int, default DEFAULT_MAX_PAGE_BYTES (50 MB)
        A larger page becomes an error record that names `MAX_PAGE_BYTES_OPTION`.
    input_format : str, default "auto"
        One of `INPUT_FORMATS`. "auto" goes by the file name's extension and, for standard input
        or an unknown extension, by the first bytes. Another value reads every input that way.
    """

    id_field: str = "id"
    text_field: str = "text"
    html_field: str = "html"
    encoding: str | None = None
    max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES
    input_format: str = "auto"

    def __post_init__(self) -> None:
        for name in ("id_field", "text_field", "html_field"):
            if not getattr(self, name):
                raise ValueError(f"{name} must not be empty")
        if self.encoding is not None:
            check_encoding(self.encoding)
        if self.max_page_bytes < 1:
            raise ValueError(f"max_page_bytes must be a positive number of bytes, not {self.max_page_bytes}")
        if self.input_format not in INPUT_FORMATS:
            raise ValueError(f"input format must be one of {', '.join(INPUT_FORMATS)}, not {self.input_format!r}")


@dataclass
class ReadStats:
    """Counts of what the readers met, for the run's summary.

    ``pages`` and ``errors`` count the records given out; ``skipped`` counts what was read but is
    not a page, by reason (WARC request records, responses with images, ...); ``blank_lines`` counts
    empty JSONL lines; ``renamed_ids`` counts records whose id repeated an earlier one.
    """

    pages: int = 0
    errors: int = 0
    blank_lines: int = 0
    renamed_ids: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        """One line, such as ``12 pages, 1 error, 3 skipped (3 WARC request records)``."""
        parts = [f"{self.pages} page{'s' * (self.pages != 1)}", f"{self.errors} error{'s' * (self.errors != 1)}"]
        if self.skipped:
            reasons = ", ".join(f"{n} {reason}" for reason, n in self.skipped.most_common())
            parts.append(f"{sum(self.skipped.values())} skipped ({reasons})")
        if self.blank_lines:
            parts.append(f"{self.blank_lines} blank lines")
        if self.renamed_ids:
            parts.append(f"{self.renamed_ids} repeated ids renamed")
        return ", ".join(parts)
