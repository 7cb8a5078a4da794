"""A stand-in segmenter for the dump runner's tests: fast, predictable, and able to fail on cue.

Every block becomes its own segment. Its label says which method segmented the page (``opinion``:
``segment`` of the text, ``news``: ``segment_blocks`` with blocks given, as for HTML), and its score
counts how many times this process has unpickled a stub (so a test can see that a worker process
received the model once, not once per batch). A page containing :data:`FAIL_MARK` raises; one
containing :data:`CRASH_MARK` ends the process at once, as a worker killed by the system would; one
containing :data:`THREADS_MARK` reports its process's BLAS threads in its label.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence

from segmenter.blocks import Block, split_blocks
from segmenter.segments import Segment

FAIL_MARK = "EXPLODE"
CRASH_MARK = "VANISH"
#: A page containing this is labelled ``threads:N``, N the BLAS threads of the process that segmented it.
THREADS_MARK = "HOWMANYTHREADS"

#: How many stubs this process has unpickled.
unpickled = 0


def blas_threads() -> int:
    """The threads of this process's BLAS library (loaded here if it was not, as the real segmenter does)."""
    import numpy  # noqa: F401 - loads the BLAS library
    from threadpoolctl import threadpool_info

    return max(pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas")


class StubSegmenter:
    """Labels each block ``opinion`` (plain page) or ``news`` (blocks given, e.g. from HTML)."""

    def __init__(self) -> None:
        self.name = "stub"  # some state, so that unpickling calls __setstate__

    def __setstate__(self, state: dict) -> None:
        global unpickled
        unpickled += 1
        self.__dict__.update(state)

    def _segments(self, text: str, blocks: Sequence[Block], label: str) -> list[Segment]:
        if CRASH_MARK in text:
            os._exit(3)
        if FAIL_MARK in text:
            raise RuntimeError(f"cannot cope with {FAIL_MARK}\nsecond line of the message")
        if THREADS_MARK in text:
            label = f"threads:{blas_threads()}"
        return [Segment(b.start, b.end, label, float(unpickled), b.text) for b in blocks]

    def segment(self, text: str) -> list[Segment]:
        return self._segments(text, split_blocks(text), "opinion")

    def segment_blocks(self, text: str, blocks: Sequence[Block]) -> list[Segment]:
        return self._segments(text, blocks, "news")

    def segment_many(self, texts: Iterable[str]) -> Iterator[list[Segment]]:
        for text in texts:
            yield self.segment(text)

    def segment_blocks_many(self, pages: Iterable[tuple[str, Sequence[Block] | None]]) -> Iterator[list[Segment]]:
        for text, blocks in pages:
            yield self.segment(text) if blocks is None else self.segment_blocks(text, blocks)
