"""Turning a tool's raw spans into a valid :class:`AnnotatedPage`, and a model's segments into one.

The annotation contract wants spans that are sorted, do not overlap and cover every non-white-space
character. Tools are looser, so this is where a user's export is checked and tidied:

- labels go through the :class:`LabelMap`; empty spans and exact duplicates are dropped;
- overlapping spans of one label are merged; overlapping spans of two labels are an error;
- non-white-space text that no span covers is an error, unless ``fill_label`` is given, in which case
  each uncovered stretch (trimmed of white space) becomes a span of that label. Partial annotation is
  then an explicit choice ("everything I did not mark is boilerplate"), never a silent guess.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from segmenter.formats.labelmap import LabelMap
from segmenter.labels import check_label
from segmenter.pages import AnnotatedPage, AnnotationError, Span
from segmenter.segments import Segment


class SkipRecord(Exception):
    """A record that holds no annotation to learn from (not annotated yet, rejected); says why."""


def _as_offset(value: object, where: str, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise AnnotationError(f"{where}: span {name} {value!r} is not an integer offset")
    return value


def _merged(spans: list[Span], where: str) -> list[Span]:
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            if span.label != last.label:
                raise AnnotationError(
                    f"{where}: span [{span.start}, {span.end}) {span.label} overlaps "
                    f"[{last.start}, {last.end}) {last.label}"
                )
            merged[-1] = Span(last.start, max(last.end, span.end), last.label)
        else:
            merged.append(span)
    return merged


def _uncovered(text: str, spans: Sequence[Span]) -> list[tuple[int, int]]:
    """Stretches of ``text`` outside every span, trimmed of white space (empty ones dropped)."""
    stretches = []
    position = 0
    for start, end in [(s.start, s.end) for s in spans] + [(len(text), len(text))]:
        piece = text[position:start]
        if piece.strip():
            first = position + len(piece) - len(piece.lstrip())
            stretches.append((first, position + len(piece.rstrip())))
        position = max(position, end)
    return stretches


def build_page(
    page_id: str,
    text: str,
    raw_spans: Iterable[tuple[object, object, object]],
    where: str,
    labels: LabelMap,
    fill_label: str | None = None,
    source: str = "",
) -> AnnotatedPage:
    """Validate ``(start, end, their_label)`` triples against ``text`` and build the page.

    Raises :class:`AnnotationError` naming ``where`` for bad offsets, unknown labels, overlaps of two
    labels and uncovered text (unless ``fill_label``), and :class:`SkipRecord` when there are no spans.
    """
    spans = []
    for start, end, label in raw_spans:
        start, end = _as_offset(start, where, "start"), _as_offset(end, where, "end")
        span = Span(start, end, labels.to_ours(label, where))
        if not 0 <= span.start <= span.end <= len(text):
            raise AnnotationError(f"{where}: span [{span.start}, {span.end}) lies outside the text")
        if span.end > span.start:
            spans.append(span)
    if not spans:
        raise SkipRecord("no spans (not annotated)")
    spans = _merged(spans, where)
    gaps = _uncovered(text, spans)
    if gaps and fill_label is None:
        start, end = gaps[0]
        missing = sum(len("".join(text[a:b].split())) for a, b in gaps)
        raise AnnotationError(
            f"{where}: {missing} non-space characters are covered by no span, first at "
            f"[{start}, {end}) {text[start:end][:40]!r}; label them or give a fill label"
        )
    if gaps:
        fill = check_label(fill_label)
        spans = sorted(spans + [Span(a, b, fill) for a, b in gaps], key=lambda s: s.start)
    return AnnotatedPage(str(page_id), text, tuple(spans), source)


def predicted_page(page_id: str, text: str, segments: Sequence[Segment]) -> AnnotatedPage:
    """A page whose spans are a model's segments; their scores go to ``meta["scores"]``."""
    spans = tuple(Span(s.start, s.end, s.label) for s in segments)
    return AnnotatedPage(str(page_id), text, spans, meta={"scores": [s.score for s in segments]})


def page_segments(page: AnnotatedPage) -> list[Segment]:
    """The spans of ``page`` as segments, to view them; hand-made spans get score 1.0."""
    return [
        Segment(span.start, span.end, span.label, 1.0 if score is None else score, page.text[span.start : span.end])
        for span, score in zip(page.spans, span_scores(page), strict=True)
    ]


def span_scores(page: AnnotatedPage) -> list[float | None]:
    """The score of each span of ``page`` (``None`` for hand-made spans)."""
    scores = page.meta.get("scores") or []
    return [scores[k] if k < len(scores) else None for k in range(len(page.spans))]
