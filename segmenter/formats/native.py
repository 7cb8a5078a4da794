"""The project's own annotated-page JSONL (``{"id", "text", "spans": [{start, end, label}], "source", "html"?}``).

Read through the same checks as the tools' formats, so that a label map and a fill label apply too.
"""

from __future__ import annotations

from dataclasses import replace

from segmenter.formats import prodigy
from segmenter.formats.labelmap import LabelMap
from segmenter.formats.spans import build_page
from segmenter.pages import AnnotatedPage, AnnotationError, html_field

NAME = "segmenter"


def looks_like(row: dict) -> bool:
    """Whether ``row`` is an annotated page: text and spans, none of Prodigy's own keys."""
    return isinstance(row.get("text"), str) and "spans" in row and not prodigy.looks_like(row)


def read_row(row: dict, where: str, labels: LabelMap, fill_label: str | None = None) -> AnnotatedPage:
    """Build and check one annotated page (an HTML page keeps its ``html``)."""
    spans = row.get("spans")
    if not isinstance(row.get("text"), str) or not isinstance(spans, list):
        raise AnnotationError(f"{where}: expected 'text' (a string) and 'spans' (a list)")
    if not all(isinstance(s, dict) for s in spans):
        raise AnnotationError(f"{where}: 'spans' must be a list of {{start, end, label}}")
    triples = [(s.get("start"), s.get("end"), s.get("label")) for s in spans]
    page_id = row.get("id", where)
    html = html_field(row, where)
    page = build_page(page_id, row["text"], triples, where, labels, fill_label, str(row.get("source") or ""))
    return page if html is None else replace(page, html=html)


def write_row(page: AnnotatedPage, labels: LabelMap) -> dict:
    """The annotated-page record of ``page`` (our labels always: ``labels`` is not applied)."""
    return page.to_json()
