"""Lining a prediction up with a gold page: per-character and per-line label ids.

Every figure of the evaluation is computed from the arrays built here, so the scorer, the boundary
metrics, the reliability table and the error listing all agree on what a character's gold and predicted
labels are. Labels are small integers: the index in :data:`COLUMNS`, where the last column, ``none``,
stands for "no label" (a character that no span or segment covers, or a segment with an unknown label).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from segmenter.labels import LABELS
from segmenter.pages import AnnotatedPage

#: The label of a character that nothing labels.
NONE = "none"
#: Confusion-matrix columns: the four labels, then ``none``.
COLUMNS: tuple[str, ...] = (*LABELS, NONE)
NONE_ID = len(LABELS)
_LABEL_IDS = {label: i for i, label in enumerate(LABELS)}


@dataclass(frozen=True, slots=True)
class PredictedSegment:
    """A predicted labelled range as the evaluation reads it; ``score`` is ``None`` when not given."""

    start: int
    end: int
    label: str
    score: float | None = None


def as_predicted(segment: object) -> PredictedSegment:
    """Read a :class:`~segmenter.segments.Segment`, or a dict with ``start``/``end``/``label``/``score?``."""
    if isinstance(segment, PredictedSegment):
        return segment
    if isinstance(segment, dict):
        score = segment.get("score")
        return PredictedSegment(int(segment["start"]), int(segment["end"]), str(segment["label"]),
                                None if score is None else float(score))
    score = getattr(segment, "score", None)
    return PredictedSegment(int(segment.start), int(segment.end), str(segment.label),  # type: ignore[attr-defined]
                            None if score is None else float(score))


def label_id(label: str) -> int:
    """The column index of ``label``; unknown labels count as ``none``."""
    return _LABEL_IDS.get(label, NONE_ID)


@dataclass(frozen=True)
class PageChars:
    """Per-character label ids of one page.

    ``gold`` and ``predicted`` hold a :data:`COLUMNS` index per character; ``counted`` marks the
    characters that are scored: not white space (``str.isspace``) and carrying a gold label.
    Later segments overwrite earlier ones where they overlap, and offsets are clipped to the text.
    """

    text: str
    gold: np.ndarray
    predicted: np.ndarray
    counted: np.ndarray
    whitespace: np.ndarray

    @classmethod
    def build(cls, page: AnnotatedPage, segments: Sequence[PredictedSegment]) -> PageChars:
        """Align ``segments`` (already read with :func:`as_predicted`) with ``page``."""
        n = len(page.text)
        gold = paint(n, [(s.start, s.end, label_id(s.label)) for s in page.spans])
        predicted = paint(n, [(s.start, s.end, label_id(s.label)) for s in segments])
        whitespace = whitespace_mask(page.text)
        return cls(page.text, gold, predicted, ~whitespace & (gold != NONE_ID), whitespace)


def paint(n: int, ranges: Sequence[tuple[int, int, int]]) -> np.ndarray:
    """Label ids of ``n`` characters from ``(start, end, id)`` ranges; later ranges win, the rest is none.

    Sorted, disjoint ranges (any proper segmentation) are painted in one vectorised pass; others one
    range at a time, in order.
    """
    ids = np.full(n, NONE_ID, dtype=np.int8)
    if not ranges:
        return ids
    table = np.clip(np.array(ranges, dtype=np.int64).reshape(-1, 3), 0, None)
    starts, ends, labels = np.minimum(table[:, 0], n), np.minimum(table[:, 1], n), table[:, 2]
    keep = starts < ends
    starts, ends, labels = starts[keep], ends[keep], labels[keep]
    if np.all(starts[1:] >= ends[:-1]):
        delta = np.zeros(n + 1, dtype=np.int64)
        np.add.at(delta, starts, labels - NONE_ID)
        np.add.at(delta, ends, NONE_ID - labels)
        return (np.cumsum(delta[:n]) + NONE_ID).astype(np.int8)
    for start, end, label in zip(starts.tolist(), ends.tolist(), labels.tolist(), strict=True):
        ids[start:end] = label
    return ids


def whitespace_mask(text: str) -> np.ndarray:
    """A boolean array marking the characters of ``text`` for which ``str.isspace`` holds."""
    spaces = [ord(char) for char in set(text) if char.isspace()]
    return np.isin(_codes(text), np.array(spaces, dtype="<u4"))


def _codes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype="<u4")


@dataclass(frozen=True)
class PageLines:
    """Per-line majority labels of one page: the unit of the boundary metrics and the error listing.

    A line is what :func:`segmenter.blocks.split_blocks` calls one (text between ``\\n``, ``\\r\\n`` or
    ``\\r``, stripped of white space), but never cut however long, and found with array operations.
    Only lines with at least one scored character (see :class:`PageChars`) are kept. A line's label is
    the one carried by most of its scored characters (ties go to the earlier :data:`COLUMNS` entry); its
    predicted label may be ``none`` when most of it is uncovered. ``numbers`` are 1-based line numbers
    in the page text, blank lines included.
    """

    starts: np.ndarray
    ends: np.ndarray
    numbers: np.ndarray
    gold: np.ndarray
    predicted: np.ndarray

    @classmethod
    def build(cls, chars: PageChars) -> PageLines:
        """Majority labels of every non-blank line of ``chars.text``."""
        visible = np.flatnonzero(~chars.whitespace)
        if not len(visible):
            empty = np.zeros(0, dtype=np.int64)
            return cls(empty, empty, empty, empty.astype(np.int8), empty.astype(np.int8))
        codes = _codes(chars.text)
        breaks = codes == 10
        breaks[:-1] |= (codes[:-1] == 13) & (codes[1:] != 10)
        breaks[-1] |= codes[-1] == 13
        line_of_visible = (np.cumsum(breaks) - breaks)[visible]  # 0-based line number of each character
        first = np.flatnonzero(np.diff(line_of_visible, prepend=-1))
        last = np.append(first[1:], len(visible)) - 1
        starts_line = np.zeros(len(visible), dtype=np.int64)
        starts_line[first] = 1
        group = np.cumsum(starts_line) - 1  # which non-blank line each visible character is on
        counted = chars.counted[visible]
        flat = group[counted] * len(COLUMNS)
        size = len(first) * len(COLUMNS)
        gold = np.bincount(flat + chars.gold[visible][counted], minlength=size).reshape(-1, len(COLUMNS))
        predicted = np.bincount(flat + chars.predicted[visible][counted], minlength=size).reshape(-1, len(COLUMNS))
        keep = gold.sum(axis=1) > 0
        return cls(visible[first][keep], visible[last][keep] + 1, line_of_visible[first][keep] + 1,
                   gold[keep].argmax(axis=1).astype(np.int8), predicted[keep].argmax(axis=1).astype(np.int8))
