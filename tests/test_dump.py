"""Segmenting into a file through its journal: atomic output, and resuming an interrupted run exactly."""

from __future__ import annotations

import io
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from handwritten import NEWS, OPINION
from stub_segmenter import StubSegmenter

from segmenter.io.dump import segment_to_file, segment_to_stream
from segmenter.io.journal import JournalError, complete_length, journal_path, read_entries
from segmenter.io.records import Record
from segmenter.io.runner import segment_records
from segmenter.io.writers import OutputOptions

RUN = partial(segment_records, StubSegmenter(), batch_size=3)


def records(n: int = 20) -> list[Record]:
    pages = [Record(f"p{k}", text=f"{NEWS[k % 5]}\n\n{OPINION[k % 3]}\n\nline number {k}") for k in range(n)]
    pages[7] = Record("p7", error="invalid JSON", origin="dump.jsonl:8")
    return pages


def interrupted(pages: list[Record], after: int) -> Iterator[Record]:
    """The pages, then a Ctrl-C after ``after`` of them."""
    yield from pages[:after]
    raise KeyboardInterrupt


class PickySegmenter(StubSegmenter):
    """Fails the pages that mention line 4 (as a bug would), segments the others like the stub."""

    def segment(self, text):
        if "line number 4" in text:
            raise ValueError("cannot segment this one")
        return super().segment(text)


def uninterrupted(tmp_path: Path, options: OutputOptions, errors: bool = False) -> tuple[bytes, bytes | None]:
    folder = tmp_path / "reference"
    folder.mkdir()
    errors_path = folder / "errors.jsonl" if errors else None
    segment_to_file(RUN, records(), folder / "out", options, errors_path)
    return (folder / "out").read_bytes(), errors_path.read_bytes() if errors_path else None


def test_the_file_equals_the_stream_and_no_journal_is_left(tmp_path):
    out = tmp_path / "out.jsonl"
    stats = segment_to_file(RUN, records(), out)
    stream = io.StringIO()
    segment_to_stream(RUN, records(), stream)
    assert out.read_text() == stream.getvalue()
    assert len(stream.getvalue().splitlines()) == 20
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]
    assert (stats.pages, stats.segmented, stats.failed, stats.reused) == (20, 19, 1, 0)


def test_an_interrupted_run_leaves_only_its_journal(tmp_path):
    out = tmp_path / "out.jsonl"
    with pytest.raises(KeyboardInterrupt):
        segment_to_file(RUN, interrupted(records(), 10), out)
    assert not out.exists()
    assert [e.id for e in read_entries(journal_path(out), complete_length(journal_path(out)))] == [
        f"p{k}" for k in range(9)
    ]


@pytest.mark.parametrize(
    ("options", "errors"),
    [(OutputOptions(), False), (OutputOptions("csv"), False), (OutputOptions(only=("opinion",)), True)],
    ids=["jsonl", "csv", "only-with-errors-apart"],
)
@pytest.mark.parametrize("after", [0, 1, 10, 19])
def test_resuming_gives_the_uninterrupted_output_byte_for_byte(tmp_path, options, errors, after):
    expected, expected_errors = uninterrupted(tmp_path, options, errors)
    out, errors_path = tmp_path / "out", (tmp_path / "errors.jsonl" if errors else None)
    with pytest.raises(KeyboardInterrupt):
        segment_to_file(RUN, interrupted(records(), after), out, options, errors_path)
    stats = segment_to_file(RUN, records(), out, options, errors_path, resume=True)
    assert out.read_bytes() == expected
    assert (errors_path.read_bytes() if errors_path else None) == expected_errors
    assert not journal_path(out).exists()
    assert stats.pages == 20
    assert stats.reused == complete_length_lines_kept(after)


def complete_length_lines_kept(after: int) -> int:
    """Pages kept from a run stopped after ``after`` records, batches of 3: whole batches, minus the error."""
    done = (after // 3) * 3
    return done - (1 if done > 7 else 0)


def test_a_torn_last_line_is_cut_off(tmp_path):
    expected, _ = uninterrupted(tmp_path, OutputOptions())
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        segment_to_file(RUN, interrupted(records(), 6), out)
    with journal_path(out).open("ab") as journal:
        journal.write(b'{"id": "p6", "segm')
    segment_to_file(RUN, records(), out, resume=True)
    assert out.read_bytes() == expected


def test_failed_pages_are_retried_and_put_in_place(tmp_path):
    expected, _ = uninterrupted(tmp_path, OutputOptions())
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        segment_to_file(partial(segment_records, PickySegmenter(), batch_size=3), interrupted(records(), 12), out)
    assert '"p4", "error"' in journal_path(out).read_text()
    stats = segment_to_file(RUN, records(), out, resume=True)
    assert out.read_bytes() == expected
    assert (stats.segmented, stats.failed) == (19, 1)


def test_a_run_does_not_overwrite_an_interrupted_runs_journal(tmp_path):
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        segment_to_file(RUN, interrupted(records(), 6), out)
    kept = journal_path(out).read_bytes()
    with pytest.raises(JournalError, match=r"out\.partial holds an interrupted run: resume it"):
        segment_to_file(RUN, records(), out)
    assert journal_path(out).read_bytes() == kept


def test_resuming_with_other_inputs_is_refused(tmp_path):
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        segment_to_file(RUN, interrupted(records(), 6), out)
    other = [Record("q0", text="something else")] + records()[1:]
    with pytest.raises(JournalError, match=r"page 1 is 'p0' but the inputs give 'q0' there"):
        segment_to_file(RUN, other, out, resume=True)
    with pytest.raises(JournalError, match=r"page 3 is 'p2' but the inputs end there"):
        segment_to_file(RUN, records()[:2], out, resume=True)
    assert not out.exists()


def test_resuming_a_complete_run_does_nothing(tmp_path):
    out = tmp_path / "out"
    segment_to_file(RUN, records(), out)
    before = out.read_bytes()
    stats = segment_to_file(RUN, records()[:3], out, resume=True)
    assert stats.pages == 0
    assert out.read_bytes() == before


def test_resuming_without_a_journal_starts_afresh(tmp_path):
    out = tmp_path / "out"
    segment_to_file(RUN, records(), out, resume=True)
    assert len(out.read_text().splitlines()) == 20


def test_a_foreign_file_is_not_taken_for_a_journal(tmp_path):
    out = tmp_path / "out"
    journal_path(out).write_text('{"name": "not ours"}\n')
    with pytest.raises(JournalError, match=r"out\.partial:1: not a segmenter journal line"):
        segment_to_file(RUN, records(), out, resume=True)


def test_complete_length_stops_at_the_last_newline(tmp_path):
    path = tmp_path / "journal"
    path.write_bytes(b"a\nbb\nccc")
    assert complete_length(path) == 5
    path.write_bytes(b"no newline at all")
    assert complete_length(path) == 0
    path.write_bytes(b"x" * 200_000 + b"\n" + b"y" * 100_000)
    assert complete_length(path) == 200_001


def test_the_output_folder_is_made(tmp_path):
    out = tmp_path / "new" / "folder" / "out.jsonl"
    segment_to_file(RUN, records(), out)
    assert len(out.read_text().splitlines()) == 20
