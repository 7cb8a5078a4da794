"""Character-level scores: per-label precision, recall and F1, accuracy and the mission macro-F1.

The unit is the non-white-space character that carries a gold label; this agrees with the project's
reference scorer figure for figure. Counts are pooled over all pages. A gold character whose
predicted label differs is a false negative of its gold label and a false positive of the predicted
label (none when the character is uncovered).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from segmenter.evaluation.alignment import COLUMNS, PageChars, as_predicted
from segmenter.labels import LABELS, MISSION_LABELS
from segmenter.pages import AnnotatedPage


@dataclass(frozen=True, slots=True)
class LabelScore:
    """Precision, recall and F1 of one label (0 where undefined), and its gold character count."""

    precision: float
    recall: float
    f1: float
    support: int

    @classmethod
    def from_counts(cls, tp: int, fp: int, fn: int) -> LabelScore:
        """Scores from true-positive, false-positive and false-negative character counts."""
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(precision, recall, f1, tp + fn)


@dataclass(frozen=True, slots=True)
class PageScore:
    """One page's character accuracy (0 for a page with no scored character) and its scored count."""

    id: str
    accuracy: float
    chars: int
    missing: bool = False


@dataclass(frozen=True)
class Report:
    """Character-level scores pooled over pages.

    ``confusion[g][p]`` counts scored characters of gold label ``LABELS[g]`` predicted as
    ``COLUMNS[p]`` (the last column, ``none``, is uncovered text). ``macro_f1`` averages the F1 of the
    mission labels present in gold (``mission_labels``); it is 0 when none is present.
    """

    labels: dict[str, LabelScore]
    accuracy: float
    page_mean_accuracy: float
    macro_f1: float
    mission_labels: tuple[str, ...]
    confusion: np.ndarray
    pages: list[PageScore] = field(default_factory=list)

    @property
    def missing(self) -> list[str]:
        """Ids of the gold pages that had no prediction."""
        return [page.id for page in self.pages if page.missing]

    @property
    def chars(self) -> int:
        """Scored characters over all pages."""
        return int(self.confusion.sum())

    @classmethod
    def from_pages(cls, pages: Sequence[PageScore], confusion: np.ndarray) -> Report:
        """Pool per-page results and a summed confusion matrix (``len(LABELS) x len(COLUMNS)``)."""
        labels = {}
        for k, label in enumerate(LABELS):
            tp = int(confusion[k, k])
            labels[label] = LabelScore.from_counts(tp, int(confusion[:, k].sum()) - tp,
                                                   int(confusion[k].sum()) - tp)
        present = tuple(label for label in MISSION_LABELS if labels[label].support)
        macro = sum(labels[label].f1 for label in present) / max(len(present), 1)
        total = int(confusion.sum())
        accuracy = int(np.trace(confusion[:, : len(LABELS)])) / max(total, 1)
        page_mean = sum(page.accuracy for page in pages) / max(len(pages), 1)
        return cls(labels, accuracy, page_mean, macro, present, confusion, list(pages))

    def passes(self, min_macro_f1: float) -> bool:
        """Whether the macro-F1 reaches ``min_macro_f1`` with no page missing (the reference's bar)."""
        return self.macro_f1 >= min_macro_f1 and not self.missing

    def to_json(self) -> dict:
        """The report as a JSON-ready dict."""
        return {
            "pages": len(self.pages),
            "missing": self.missing,
            "chars": self.chars,
            "labels": {
                label: {"precision": s.precision, "recall": s.recall, "f1": s.f1, "support": s.support}
                for label, s in self.labels.items()
            },
            "accuracy": self.accuracy,
            "page_mean_accuracy": self.page_mean_accuracy,
            "macro_f1": self.macro_f1,
            "macro_f1_labels": list(self.mission_labels),
            "confusion": {
                gold: {predicted: int(self.confusion[g, p]) for p, predicted in enumerate(COLUMNS)}
                for g, gold in enumerate(LABELS)
            },
            "page_accuracy": [{"id": p.id, "accuracy": p.accuracy, "chars": p.chars} for p in self.pages],
        }


def page_confusion(chars: PageChars) -> np.ndarray:
    """The ``len(LABELS) x len(COLUMNS)`` confusion counts of one aligned page."""
    gold = chars.gold[chars.counted].astype(np.int64)
    predicted = chars.predicted[chars.counted].astype(np.int64)
    flat = np.bincount(gold * len(COLUMNS) + predicted, minlength=len(LABELS) * len(COLUMNS))
    return flat.reshape(len(LABELS), len(COLUMNS))


def page_score(page_id: str, confusion: np.ndarray, missing: bool = False) -> PageScore:
    """A page's accuracy from its confusion counts."""
    total = int(confusion.sum())
    return PageScore(page_id, int(np.trace(confusion[:, : len(LABELS)])) / max(total, 1), total, missing)


def score_pages(gold: Iterable[AnnotatedPage], predicted: Mapping[str, Sequence[object]]) -> Report:
    """Score predictions against gold pages.

    ``predicted`` maps a page id to its segments (:class:`~segmenter.segments.Segment` objects or dicts
    with ``start``, ``end``, ``label``). A gold page without an entry counts as missing: all its
    characters are false negatives.
    """
    pages, confusion = [], np.zeros((len(LABELS), len(COLUMNS)), dtype=np.int64)
    for page in gold:
        segments = predicted.get(page.id)
        chars = PageChars.build(page, [as_predicted(s) for s in segments or ()])
        counts = page_confusion(chars)
        confusion += counts
        pages.append(page_score(page.id, counts, missing=segments is None))
    return Report.from_pages(pages, confusion)
