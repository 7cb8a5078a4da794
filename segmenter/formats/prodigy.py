"""Prodigy JSONL (``ner.manual`` / ``spans.manual`` tasks and their annotations), read and written.

Read: ``{"text": ..., "spans": [{"start", "end", "label"}], "answer": "accept", "meta": {...}}``.
Records answered ``reject`` or ``ignore`` are skipped. The page id is ``id``, else ``meta.id``, else
Prodigy's ``_input_hash``. Written: ``{"text", "spans", "meta": {"id", "score"}}``, ready for
``prodigy spans.manual DATASET blank:en OUT.jsonl --label ...`` to correct.
"""

from __future__ import annotations

from segmenter.formats.labelmap import LabelMap
from segmenter.formats.spans import SkipRecord, build_page, span_scores
from segmenter.pages import AnnotatedPage, AnnotationError

NAME = "prodigy"
#: Keys that only Prodigy records carry; plain ``{"text", "spans"}`` rows are our own format.
MARKERS = ("_input_hash", "_task_hash", "_view_id", "answer", "meta", "tokens")


def looks_like(row: dict) -> bool:
    """Whether ``row`` is a Prodigy task: text, spans and one of Prodigy's own keys."""
    return isinstance(row.get("text"), str) and "spans" in row and any(key in row for key in MARKERS)


def read_row(row: dict, where: str, labels: LabelMap, fill_label: str | None = None) -> AnnotatedPage:
    """Build the annotated page of one Prodigy record (raises ``SkipRecord`` for rejected ones)."""
    if row.get("answer") in ("reject", "ignore"):
        raise SkipRecord(f"answered {row['answer']!r}")
    if not isinstance(row.get("text"), str):
        raise AnnotationError(f"{where}: 'text' must be a string")
    spans = row.get("spans") or []
    if not isinstance(spans, list) or not all(isinstance(s, dict) for s in spans):
        raise AnnotationError(f"{where}: 'spans' must be a list of {{start, end, label}}")
    meta = row.get("meta") if isinstance(row.get("meta"), dict) else {}
    page_id = row.get("id", meta.get("id", row.get("_input_hash", where)))
    triples = [(s.get("start"), s.get("end"), s.get("label")) for s in spans]
    return build_page(page_id, row["text"], triples, where, labels, fill_label, str(meta.get("source") or ""))


def write_row(page: AnnotatedPage, labels: LabelMap) -> dict:
    """The Prodigy task of ``page``, with labels renamed to the user's through ``labels``."""
    meta: dict = {"id": page.id}
    known = [s for s in span_scores(page) if s is not None]
    if known:
        meta["score"] = round(sum(known) / len(known), 4)
    spans = [{"start": s.start, "end": s.end, "label": labels.to_theirs(s.label)} for s in page.spans]
    return {"text": page.text, "spans": spans, "meta": meta}
