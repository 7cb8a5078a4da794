"""A one-line progress display on stderr while a dump is segmented.

Shown only when the stream is a terminal (never in logs or pipes) and not silenced: pages done, MB of
page text, pages/s, and the time left when the number of pages is known beforehand.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from segmenter.io.summary import RunStats

#: Seconds between two redraws of the line.
REDRAW_SECONDS = 0.25

#: Input files whose pages are counted (one per non-blank line) to give a time left.
_COUNTABLE_SUFFIXES = (".jsonl", ".ndjson")


def count_pages(inputs: Sequence[str | Path]) -> int | None:
    """The number of pages in ``inputs`` when that is cheap to know, else ``None``.

    Only plain JSONL files (one page per non-blank line) are counted; standard input, folders,
    compressed files, WARC and HTML inputs give ``None``.
    """
    total = 0
    for name in inputs:
        path = Path(name)
        if str(name) == "-" or path.suffix.lower() not in _COUNTABLE_SUFFIXES or not path.is_file():
            return None
        with path.open("rb") as data:
            total += sum(1 for line in data if line.strip())
    return total


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


class Progress:
    """Redraws one status line as pages are counted; :meth:`close` wipes it.

    ``enabled=None`` shows the line only when ``stream`` is a terminal.
    """

    def __init__(self, total: int | None = None, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self._last_draw = 0.0
        self._width = 0

    def count_in_background(self, inputs: Sequence[str | Path]) -> None:
        """Set :attr:`total` from :func:`count_pages` in a background thread, if the line is shown."""
        if self.enabled:
            threading.Thread(target=self._count, args=(inputs,), daemon=True).start()

    def _count(self, inputs: Sequence[str | Path]) -> None:
        self.total = count_pages(inputs)

    def line(self, stats: RunStats) -> str:
        """The status text for ``stats``."""
        rate = stats.pages_per_second
        text = f"{stats.pages:,} pages  {stats.chars / 1e6:,.1f} MB  {rate:,.1f} pages/s"
        if self.total and rate > 0:
            left = max(self.total - stats.pages, 0) / rate
            text += f"  {100 * stats.pages / self.total:.0f}%  ETA {_clock(left)}"
        return text

    def update(self, stats: RunStats) -> None:
        """Redraw the line if it is shown and was not redrawn in the last instant."""
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last_draw < REDRAW_SECONDS:
            return
        self._last_draw = now
        text = self.line(stats)
        self.stream.write("\r" + text.ljust(self._width))
        self.stream.flush()
        self._width = len(text)

    def close(self) -> None:
        """Wipe the line so that the summary starts on a clean line."""
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0
