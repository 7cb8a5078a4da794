"""Per-label totals of a segmented page, shared by the terminal and HTML views."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from segmenter.labels import LABELS
from segmenter.segments import Segment


@dataclass(frozen=True, slots=True)
class LabelTotal:
    """How much of a page one label got: segments, non-space characters, their share, mean score."""

    label: str
    segments: int
    chars: int
    share: float
    score: float | None


def non_space(text: str) -> int:
    """The number of non-white-space characters of ``text`` (what the scores count)."""
    return sum(not char.isspace() for char in text)


def label_totals(segments: Sequence[Segment]) -> list[LabelTotal]:
    """One :class:`LabelTotal` per label, in :data:`LABELS` order; ``score`` is weighted by characters."""
    chars = {label: 0 for label in LABELS}
    counts = {label: 0 for label in LABELS}
    weighted = {label: 0.0 for label in LABELS}
    for segment in segments:
        size = non_space(segment.text)
        chars[segment.label] = chars.get(segment.label, 0) + size
        counts[segment.label] = counts.get(segment.label, 0) + 1
        weighted[segment.label] = weighted.get(segment.label, 0.0) + segment.score * size
    total = sum(chars.values())
    return [
        LabelTotal(
            label,
            counts[label],
            chars[label],
            chars[label] / total if total else 0.0,
            weighted[label] / chars[label] if chars[label] else None,
        )
        for label in chars
    ]
