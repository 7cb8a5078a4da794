"""doccano sequence-labelling JSONL, read and written.

Read: ``{"text": ..., "label": [[start, end, "LABEL"], ...]}`` (``labels`` in older exports), the
relation-project form ``{"text": ..., "entities": [{"start_offset", "end_offset", "label"}, ...]}``,
and Label Studio's JSON-MIN rows (``"label": [{"start", "end", "labels": [...]}]``) which share the shape.
Written: ``{"page_id": ..., "text": ..., "label": [[start, end, "LABEL"], ...]}``, one page a line, which
doccano imports as a sequence-labelling dataset (``page_id`` survives as a metadata column).
"""

from __future__ import annotations

from segmenter.formats.labelmap import LabelMap
from segmenter.formats.spans import build_page
from segmenter.pages import AnnotatedPage, AnnotationError

NAME = "doccano"


def looks_like(row: dict) -> bool:
    """Whether ``row`` has doccano's shape (text plus ``label``/``labels``/``entities``)."""
    return isinstance(row.get("text"), str) and any(
        isinstance(row.get(key), list) for key in ("label", "labels", "entities")
    )


def _triple(item: object, where: str) -> tuple[object, object, object]:
    if isinstance(item, list | tuple) and len(item) == 3:
        return item[0], item[1], item[2]
    if isinstance(item, dict):
        if "start_offset" in item:
            return item.get("start_offset"), item.get("end_offset"), item.get("label")
        names = item.get("labels") or [item.get("label")]
        if len(names) != 1:
            raise AnnotationError(f"{where}: a span carries {len(names)} labels; give each span one")
        return item.get("start"), item.get("end"), names[0]
    if isinstance(item, str):
        raise AnnotationError(
            f"{where}: labels are whole-record categories ({item!r}); export a sequence-labelling project"
        )
    raise AnnotationError(f"{where}: expected [start, end, label], got {item!r}")


def read_row(row: dict, where: str, labels: LabelMap, fill_label: str | None = None) -> AnnotatedPage:
    """Build the annotated page of one doccano record (see :func:`~segmenter.formats.spans.build_page`)."""
    if not isinstance(row.get("text"), str):
        raise AnnotationError(f"{where}: 'text' must be a string")
    key = next((k for k in ("entities", "label", "labels") if isinstance(row.get(k), list)), None)
    if key is None:
        raise AnnotationError(f"{where}: no 'label', 'labels' or 'entities' list")
    triples = [_triple(item, where) for item in row[key]]
    page_id = row.get("page_id", row.get("id", where))
    return build_page(page_id, row["text"], triples, where, labels, fill_label, str(row.get("source") or ""))


def write_row(page: AnnotatedPage, labels: LabelMap) -> dict:
    """The doccano record of ``page``, with labels renamed to the user's through ``labels``."""
    return {
        "page_id": page.id,
        "text": page.text,
        "label": [[s.start, s.end, labels.to_theirs(s.label)] for s in page.spans],
    }
