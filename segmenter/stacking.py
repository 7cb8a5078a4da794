"""Second-stage features: the first stage's label probabilities around each block.

Stacked sequential learning: a line between two lines the first stage believes are news is probably
news too, and a block that repeats an earlier block most likely carries the same label as its twin.
The second stage is a small linear model over these probabilities.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from segmenter.blocks import Block
from segmenter.features.context import (
    block_attribute,
    earlier_twins,
    page_bounds,
    page_slices,
    shifted_in_pages,
    window_means_in_pages,
)
from segmenter.labels import LABELS

OFFSETS = (-3, -2, -1, 1, 2, 3)
RADII = (2, 5, 12)


def stack_features(blocks: Sequence[Block], probabilities: np.ndarray) -> np.ndarray:
    """Second-stage inputs for every block, given the first stage's probabilities (same row order)."""
    pages = page_slices(blocks)
    if not pages:
        return np.zeros((0, len(stack_feature_names())), dtype=np.float32)
    p = probabilities.astype(np.float32)
    bounds = page_bounds(pages)
    columns = [p]
    columns += [shifted_in_pages(p, k, bounds) for k in OFFSETS]
    columns += window_means_in_pages(p, pages, RADII)
    twins = earlier_twins(blocks, pages)
    twin_columns = np.zeros((len(blocks), p.shape[1] + 1), dtype=np.float32)
    twin_columns[twins >= 0, :-1] = p[twins[twins >= 0]]
    twin_columns[twins >= 0, -1] = 1.0
    columns.append(twin_columns)
    flags = (block_attribute(blocks, "quote_depth") > 0, block_attribute(blocks, "gap_before") > 0,
             block_attribute(blocks, "index") == 0)
    columns.append(np.stack(flags, axis=1).astype(np.float32))
    return np.hstack(columns)


def stack_feature_names() -> list[str]:
    """Readable names of :func:`stack_features` columns."""
    names = [f"p:{label}" for label in LABELS]
    for k in OFFSETS:
        names += [f"{'prev' if k < 0 else 'next'}{abs(k)}:p:{label}" for label in LABELS]
    for r in RADII:
        names += [f"win{r}:p:{label}" for label in LABELS]
    names += [f"twin:p:{label}" for label in LABELS] + ["has_twin"]
    names += ["quoted", "gap_before", "first_block"]
    return names
