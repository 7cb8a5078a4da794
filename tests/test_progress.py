"""The progress line (terminals only) and the closing summary."""

from __future__ import annotations

import io

from segmenter.io.progress import Progress, count_pages
from segmenter.io.runner import PageResult
from segmenter.io.summary import RunStats


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def stats_of(ok: int, failed: int, reused: int = 0) -> RunStats:
    stats = RunStats()
    for _ in range(reused):
        stats.add_reused()
    for k in range(ok):
        stats.add(PageResult(f"ok{k}", segments=(), size=1_000_000))
    for k in range(failed):
        stats.add(PageResult(f"bad{k}", error="invalid JSON"))
    return stats


def test_the_summary_counts_pages_in_segmented_and_failed():
    line = stats_of(3, 1, reused=2).summary()
    assert line.startswith("6 pages in: 5 segmented (2 kept from the interrupted run), 1 failed; ")
    assert line.endswith(" pages/s")


def test_the_progress_line_shows_pages_size_rate_and_time_left():
    progress = Progress(total=10, stream=Terminal())
    line = progress.line(stats_of(4, 1))
    assert line.startswith("5 pages  4.0 MB  ")
    assert " pages/s  50%  ETA 0:" in line


def test_no_progress_line_outside_a_terminal():
    stream = io.StringIO()
    progress = Progress(stream=stream)
    progress.update(stats_of(1, 0))
    progress.close()
    assert not progress.enabled
    assert stream.getvalue() == ""


def test_the_line_is_wiped_at_the_end():
    stream = Terminal()
    progress = Progress(stream=stream)
    progress.update(stats_of(1, 0))
    progress.close()
    drawn = stream.getvalue()
    assert drawn.startswith("\r1 pages")
    assert drawn.endswith("\r")


def test_pages_are_counted_only_in_plain_jsonl_files(tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text('{"id": 1}\n\n{"id": 2}\n')
    assert count_pages([str(dump), str(dump)]) == 4
    assert count_pages([str(dump), "-"]) is None
    assert count_pages([str(tmp_path)]) is None
