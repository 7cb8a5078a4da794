"""Reliability of segment scores: is a segment scored 0.9 right on about 90% of its characters?

Predicted segments are put in bins by score. For each bin the table gives the number of segments,
their scored characters (non-white-space characters with a gold label, as in the scorer) and the
fraction of those whose gold label is the segment's label. The expected calibration error (ECE) is
the character-weighted mean of ``|accuracy - mean score|`` over bins. Segments without a score are
left out.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from segmenter.evaluation.alignment import PageChars, PredictedSegment, label_id
from segmenter.labels import LABELS

#: Bin edges of the reliability table: [0, .5), [.5, .6), ..., [.9, 1.0] (the last bin is closed).
BIN_EDGES: tuple[float, ...] = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
#: The score from which a segment counts as confident in the headline check.
HIGH_CONFIDENCE = 0.9


@dataclass(frozen=True, slots=True)
class ScoreBin:
    """One row of the reliability table: segments scored in ``[low, high)`` (``high`` closed at 1)."""

    low: float
    high: float
    segments: int
    chars: int
    correct: int
    score_sum: float

    @property
    def accuracy(self) -> float | None:
        """Fraction of the bin's scored characters whose gold label is the segment's label."""
        return self.correct / self.chars if self.chars else None

    @property
    def mean_score(self) -> float | None:
        """Character-weighted mean score of the bin's segments."""
        return self.score_sum / self.chars if self.chars else None


@dataclass(frozen=True)
class Calibration:
    """The reliability table and what follows from it."""

    bins: list[ScoreBin]

    @property
    def ece(self) -> float | None:
        """Expected calibration error, weighted by characters; ``None`` with no scored character."""
        total = sum(b.chars for b in self.bins)
        if not total:
            return None
        return sum(abs(b.correct - b.score_sum) for b in self.bins) / total

    def confident(self, threshold: float = HIGH_CONFIDENCE) -> ScoreBin:
        """All segments scored at least ``threshold`` (a bin edge), pooled into one row."""
        rows = [b for b in self.bins if b.low >= threshold]
        return ScoreBin(threshold, 1.0, sum(b.segments for b in rows), sum(b.chars for b in rows),
                        sum(b.correct for b in rows), sum(b.score_sum for b in rows))

    def confident_accuracy_at_least(self, target: float, threshold: float = HIGH_CONFIDENCE) -> bool:
        """The headline check: segments scored >= ``threshold`` are right on >= ``target`` of their characters.

        Vacuously true when no segment reaches ``threshold``.
        """
        accuracy = self.confident(threshold).accuracy
        return accuracy is None or accuracy >= target

    def to_json(self) -> dict:
        """The table as a JSON-ready dict."""
        confident = self.confident()
        return {
            "bins": [
                {"low": b.low, "high": b.high, "segments": b.segments, "chars": b.chars,
                 "accuracy": b.accuracy, "mean_score": b.mean_score}
                for b in self.bins
            ],
            "ece": self.ece,
            "confident": {"threshold": HIGH_CONFIDENCE, "segments": confident.segments,
                          "chars": confident.chars, "accuracy": confident.accuracy},
        }


def bin_index(score: float) -> int:
    """The reliability-table row of ``score`` (scores outside 0..1 go to the end rows)."""
    return min(max(bisect.bisect_right(BIN_EDGES, score) - 1, 0), len(BIN_EDGES) - 2)


def page_bins(chars: PageChars, segments: Sequence[PredictedSegment]) -> np.ndarray:
    """Per-bin ``[segments, chars, correct, score_sum]`` of one aligned page, shape ``(bins, 4)``.

    Prefix sums give each segment's counts, so the work is linear in the page and its segments.
    """
    totals = np.zeros((len(BIN_EDGES) - 1, 4))
    rows = [(s.start, s.end, label_id(s.label), bin_index(s.score), s.score) for s in segments if s.score is not None]
    if not rows:
        return totals
    n = len(chars.text)
    table = np.array([row[:4] for row in rows], dtype=np.int64)
    starts, ends = np.clip(table[:, 0], 0, n), np.clip(table[:, 1], 0, n)
    ends = np.maximum(starts, ends)
    labels, bins = table[:, 2], table[:, 3]
    scores = np.array([row[4] for row in rows], dtype=float)
    scored = np.concatenate(([0], np.cumsum(chars.counted)))
    counts = scored[ends] - scored[starts]
    correct = np.zeros(len(rows), dtype=np.int64)
    for label in np.unique(labels[labels < len(LABELS)]).tolist():
        hits = np.concatenate(([0], np.cumsum(chars.counted & (chars.gold == label))))
        mine = labels == label
        correct[mine] = hits[ends[mine]] - hits[starts[mine]]
    for column, values in enumerate((np.ones(len(rows)), counts, correct, scores * counts)):
        totals[:, column] = np.bincount(bins, weights=values, minlength=len(totals))
    return totals


def calibration_from_totals(totals: np.ndarray) -> Calibration:
    """Build the table from summed :func:`page_bins` arrays."""
    return Calibration([
        ScoreBin(BIN_EDGES[i], BIN_EDGES[i + 1], int(row[0]), int(row[1]), int(row[2]), float(row[3]))
        for i, row in enumerate(totals)
    ])


def calibrate(pairs: Iterable[tuple[PageChars, Sequence[PredictedSegment]]]) -> Calibration:
    """The reliability table over aligned pages and their predicted segments."""
    totals = np.zeros((len(BIN_EDGES) - 1, 4))
    for chars, segments in pairs:
        totals += page_bins(chars, segments)
    return calibration_from_totals(totals)
