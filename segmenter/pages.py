"""Annotated pages: the JSONL format of the annotation contract, read and written.

One page per line: ``{"id", "text", "spans": [{"start", "end", "label"}], "source"?, "html"?}``. Offsets
are Python string offsets (code points), end exclusive. A page with ``html`` is an HTML page: its
``text`` is the page's text as :func:`segmenter.html.html_to_page` gives it, and its blocks come from
the DOM (:func:`page_blocks`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from segmenter.blocks import Block, split_blocks
from segmenter.html import html_to_page
from segmenter.labels import check_label


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled character range ``text[start:end]`` of a page."""

    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class AnnotatedPage:
    """A page with its gold spans, as training and evaluation consume it.

    ``html``, when present, is the page's HTML: ``text`` is then the page's text as
    :func:`segmenter.html.html_to_page` gives it, and the blocks come from the DOM (:func:`page_blocks`).
    """

    id: str
    text: str
    spans: tuple[Span, ...]
    source: str = ""
    meta: dict = field(default_factory=dict, compare=False)
    html: str | None = None

    def char_labels(self) -> list[str | None]:
        """The label of every character of :attr:`text` (``None`` where no span covers it)."""
        labels: list[str | None] = [None] * len(self.text)
        for span in self.spans:
            labels[span.start : span.end] = [span.label] * (span.end - span.start)
        return labels

    def to_json(self) -> dict:
        """The page as a JSON-ready dict in the annotation contract's format."""
        row = {
            "id": self.id,
            "text": self.text,
            "spans": [{"start": s.start, "end": s.end, "label": s.label} for s in self.spans],
        }
        if self.source:
            row["source"] = self.source
        if self.html is not None:
            row["html"] = self.html
        return row


def page_blocks(page: AnnotatedPage, page_number: int = 0) -> list[Block]:
    """The blocks of a page, numbered ``page_number``: from its DOM when it has ``html``, else its lines.

    Raises ``ValueError`` when the text of the page's HTML is not the page's ``text``.
    """
    if page.html is None:
        return split_blocks(page.text, page=page_number)
    text, blocks = html_to_page(page.html)
    if text != page.text:
        raise ValueError(f"page {page.id!r}: 'text' is not the text of its 'html'")
    return [replace(block, page=page_number) for block in blocks]


class AnnotationError(ValueError):
    """An annotated record that breaks the format; the message names the record."""


def page_from_json(row: dict, where: str = "record") -> AnnotatedPage:
    """Build and validate an :class:`AnnotatedPage` from one decoded JSON object.

    Raises :class:`AnnotationError` naming ``where`` when the record is malformed.
    """
    if not isinstance(row, dict):
        raise AnnotationError(f"{where}: expected a JSON object")
    text = row.get("text")
    if not isinstance(text, str):
        raise AnnotationError(f"{where}: 'text' must be a string")
    raw_spans = row.get("spans")
    if not isinstance(raw_spans, list):
        raise AnnotationError(f"{where}: 'spans' must be a list of {{start, end, label}}")
    spans = []
    previous_end = 0
    for k, raw in enumerate(sorted(raw_spans, key=lambda s: (s.get("start", 0), s.get("end", 0)))):
        try:
            span = Span(int(raw["start"]), int(raw["end"]), check_label(raw["label"]))
        except (KeyError, TypeError, ValueError) as err:
            raise AnnotationError(f"{where}: span {k}: {err}") from None
        if not 0 <= span.start <= span.end <= len(text):
            raise AnnotationError(f"{where}: span {k} [{span.start}, {span.end}) lies outside the text")
        if span.start < previous_end:
            raise AnnotationError(f"{where}: span {k} overlaps the span before it")
        previous_end = span.end
        spans.append(span)
    page_id = row.get("id", where)
    return AnnotatedPage(str(page_id), text, tuple(spans), str(row.get("source") or ""), html=html_field(row, where))


def html_field(row: dict, where: str) -> str | None:
    """A record's optional ``html``; raises :class:`AnnotationError` when it is there but not a string."""
    html = row.get("html")
    if html is not None and not isinstance(html, str):
        raise AnnotationError(f"{where}: 'html' must be a string")
    return html


def iter_json_lines(path: str | Path, encoding: str = "utf-8") -> Iterator[tuple[str, object]]:
    """Yield ``("path:line", decoded object)`` for each non-blank line of a JSONL file.

    Raises :class:`AnnotationError` naming the file and line of the first line that is not JSON.
    """
    path = Path(path)
    with path.open(encoding=encoding) as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                yield where, json.loads(line)
            except json.JSONDecodeError as err:
                raise AnnotationError(f"{where}: invalid JSON ({err.msg})") from None


def read_annotated(path: str | Path) -> Iterator[AnnotatedPage]:
    """Yield the pages of an annotated JSONL file, validating each line."""
    for where, row in iter_json_lines(path):
        yield page_from_json(row, where)


def write_annotated(pages: Iterable[AnnotatedPage], path: str | Path) -> int:
    """Write pages as annotated JSONL; return how many were written."""
    count = 0
    with Path(path).open("w", encoding="utf-8") as handle:
        for page in pages:
            handle.write(json.dumps(page.to_json(), ensure_ascii=False) + "\n")
            count += 1
    return count
