"""One pass over gold pages and predictions that computes every figure of ``segmenter evaluate``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from segmenter.evaluation.alignment import COLUMNS, PageChars, PageLines, as_predicted
from segmenter.evaluation.boundaries import BoundaryScores, page_windows
from segmenter.evaluation.calibration import BIN_EDGES, Calibration, calibration_from_totals, page_bins
from segmenter.evaluation.scores import Report, page_confusion, page_score
from segmenter.labels import LABELS
from segmenter.pages import AnnotatedPage


@dataclass(frozen=True)
class Evaluation:
    """Character scores, line-boundary scores and the reliability table of one evaluation run."""

    scores: Report
    boundaries: BoundaryScores
    calibration: Calibration

    def to_json(self) -> dict:
        """Every figure as a JSON-ready dict."""
        return {**self.scores.to_json(), "boundaries": self.boundaries.to_json(),
                "calibration": self.calibration.to_json()}


def evaluate_pages(gold: Iterable[AnnotatedPage], predicted: Mapping[str, Sequence[object]]) -> Evaluation:
    """Score ``predicted`` (page id -> segments or segment dicts) against ``gold`` pages.

    A gold page with no entry in ``predicted`` is missing: it scores as entirely uncovered.
    """
    pages, windows = [], []
    confusion = np.zeros((len(LABELS), len(COLUMNS)), dtype=np.int64)
    bins = np.zeros((len(BIN_EDGES) - 1, 4))
    for page in gold:
        raw = predicted.get(page.id)
        segments = [as_predicted(s) for s in raw or ()]
        chars = PageChars.build(page, segments)
        counts = page_confusion(chars)
        confusion += counts
        pages.append(page_score(page.id, counts, missing=raw is None))
        lines = PageLines.build(chars)
        windows.append(page_windows(lines.gold, lines.predicted))
        bins += page_bins(chars, segments)
    return Evaluation(Report.from_pages(pages, confusion), BoundaryScores.pool(windows),
                      calibration_from_totals(bins))
