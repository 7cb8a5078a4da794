"""Counting a run's pages, and the closing summary line."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from segmenter.io.runner import PageResult


@dataclass
class RunStats:
    """What a run has done so far.

    ``pages`` counts every record seen, ``segmented`` and ``failed`` split it, and ``reused`` counts the
    pages taken over from an interrupted run's journal by ``--resume`` (they count as segmented too).
    ``chars`` is the amount of page text (or HTML) segmented in this run.
    """

    pages: int = 0
    segmented: int = 0
    failed: int = 0
    reused: int = 0
    chars: int = 0
    started: float = field(default_factory=time.monotonic)

    def add(self, result: PageResult) -> None:
        """Count one page segmented (or failed) in this run."""
        self.pages += 1
        self.chars += result.size
        if result.ok:
            self.segmented += 1
        else:
            self.failed += 1

    def add_reused(self) -> None:
        """Count one page already segmented by the interrupted run being resumed."""
        self.pages += 1
        self.segmented += 1
        self.reused += 1

    @property
    def seconds(self) -> float:
        """Time since the run started."""
        return time.monotonic() - self.started

    @property
    def pages_per_second(self) -> float:
        """Pages segmented (or failed) in this run per second; resumed pages are not counted."""
        return (self.pages - self.reused) / max(self.seconds, 1e-9)

    def summary(self) -> str:
        """One line: pages in, segmented, failed, seconds and pages/s."""
        reused = f" ({self.reused:,} kept from the interrupted run)" if self.reused else ""
        return (
            f"{self.pages:,} pages in: {self.segmented:,} segmented{reused}, {self.failed:,} failed; "
            f"{self.seconds:.1f} s, {self.pages_per_second:,.1f} pages/s"
        )
