"""Repeated texts in a batch: what depends on a block's text alone is computed once per distinct text.

Forum pages repeat lines (quoted posts, chrome such as "Reply" or "Quote"), and a batch of pages repeats
them more; features of the text alone are computed for the first block of each distinct text and copied
to the others, which gives exactly the rows computing every block would give.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Distinct:
    """The distinct texts of a batch: ``first[k]`` is the position of the first occurrence of the k-th distinct
    text (in order of first occurrence) and ``of[i]`` the index ``k`` of the text at position ``i``."""

    first: list[int]
    of: np.ndarray

    def spread(self, rows):
        """Rows computed for the distinct texts (an array or sparse matrix), one per text of the batch."""
        return rows[self.of]


def distinct_texts(texts: Sequence[str]) -> Distinct | None:
    """The distinct texts of ``texts``, or ``None`` if no text repeats."""
    order = dict.fromkeys(texts)
    if len(order) == len(texts):
        return None
    first = dict(zip(reversed(texts), range(len(texts) - 1, -1, -1), strict=True))  # the earliest position wins
    index = dict(zip(order, range(len(order)), strict=True))
    return Distinct(
        list(map(first.__getitem__, order)),
        np.fromiter(map(index.__getitem__, texts), dtype=np.intp, count=len(texts)),
    )
