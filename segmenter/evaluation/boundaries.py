"""Boundary metrics: Pk (Beeferman et al., 1999) and WindowDiff (Pevzner and Hearst, 2002) over lines.

The unit is a non-blank line of the gold page; its gold and predicted labels are the majority labels
of its scored characters (see :class:`~segmenter.evaluation.alignment.PageLines`). A boundary lies
between two adjacent lines whose labels differ. A window of ``k`` lines spans the ``k`` gaps between
line ``i`` and line ``i + k``, for ``i = 0 .. n - k - 1`` (``n - k`` windows). Pk counts the windows
where gold and prediction disagree on whether the window holds any boundary; WindowDiff counts those
where they disagree on how many boundaries it holds.

``k`` follows Beeferman's convention: half the mean gold segment length in lines, rounded half up, at
least 1, computed per page. Libraries differ here: NLTK's ``pk`` defaults to half the mean segment
length of the reference string it is given, while segeval computes the window from the mean segment
mass of the whole reference dataset; figures from different tools are not comparable unless ``k`` is.

Errors and windows are summed over pages before dividing (pooled), so long pages weigh more.
Everything is linear in the number of lines: prefix sums of boundary counts give each window's count.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class PageWindows:
    """One page's window counts: ``k``, how many windows, and the Pk and WindowDiff errors among them."""

    k: int
    windows: int
    pk_errors: int
    windowdiff_errors: int


@dataclass(frozen=True, slots=True)
class BoundaryScores:
    """Pooled Pk and WindowDiff (``None`` when no page has a window) and the mean ``k`` of the pages."""

    pk: float | None
    windowdiff: float | None
    mean_k: float | None
    windows: int
    pages: int

    @classmethod
    def pool(cls, pages: Iterable[PageWindows]) -> BoundaryScores:
        """Sum window errors and windows over pages (pages without a window are left out)."""
        counted = [p for p in pages if p.windows]
        windows = sum(p.windows for p in counted)
        if not windows:
            return cls(None, None, None, 0, 0)
        return cls(
            sum(p.pk_errors for p in counted) / windows,
            sum(p.windowdiff_errors for p in counted) / windows,
            sum(p.k for p in counted) / len(counted),
            windows,
            len(counted),
        )

    def to_json(self) -> dict:
        """The scores as a JSON-ready dict, with the convention for ``k`` spelled out."""
        return {
            "pk": self.pk,
            "windowdiff": self.windowdiff,
            "k": "half the mean gold segment length in lines, per page",
            "mean_k": self.mean_k,
            "windows": self.windows,
            "pages": self.pages,
        }


def boundaries(labels: Sequence[object] | np.ndarray) -> np.ndarray:
    """``1`` at gap ``j`` (between unit ``j`` and ``j + 1``) where the labels differ, else ``0``."""
    values = labels if isinstance(labels, np.ndarray) else np.asarray(list(labels))
    return (values[1:] != values[:-1]).astype(np.int64)


def half_mean_segment_length(gold: Sequence[object] | np.ndarray) -> int:
    """Beeferman's ``k``: half the mean length of the gold segments, rounded half up, at least 1."""
    n = len(gold)
    if n == 0:
        return 1
    segments = int(boundaries(gold).sum()) + 1
    return max(1, int(n / (2 * segments) + 0.5))


def window_counts(gold_boundaries: np.ndarray, predicted_boundaries: np.ndarray, k: int) -> tuple[int, int, int]:
    """``(windows, pk_errors, windowdiff_errors)`` for boundary indicator arrays of ``n - 1`` gaps."""
    windows = len(gold_boundaries) + 1 - k
    if windows <= 0:
        return 0, 0, 0
    gold_sums = np.concatenate(([0], np.cumsum(gold_boundaries)))
    predicted_sums = np.concatenate(([0], np.cumsum(predicted_boundaries)))
    gold_in = gold_sums[k:] - gold_sums[:-k]
    predicted_in = predicted_sums[k:] - predicted_sums[:-k]
    pk_errors = int(np.count_nonzero((gold_in > 0) != (predicted_in > 0)))
    windowdiff_errors = int(np.count_nonzero(gold_in != predicted_in))
    return windows, pk_errors, windowdiff_errors


def page_windows(gold: Sequence[object] | np.ndarray, predicted: Sequence[object] | np.ndarray,
                 k: int | None = None) -> PageWindows:
    """Window counts of one page from its per-line gold and predicted labels.

    ``k`` defaults to :func:`half_mean_segment_length` of ``gold``.
    """
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predicted labels")
    k = half_mean_segment_length(gold) if k is None else k
    if k < 1:
        raise ValueError(f"window size k must be at least 1, not {k}")
    if len(gold) == 0:
        return PageWindows(k, 0, 0, 0)
    windows, pk_errors, windowdiff_errors = window_counts(boundaries(gold), boundaries(predicted), k)
    return PageWindows(k, windows, pk_errors, windowdiff_errors)
