"""The dump runner: one result per record, in input order, whatever fails, in one or two processes."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator

import pytest
from handwritten import CHROME, NEWS, OPINION
from stub_segmenter import CRASH_MARK, FAIL_MARK, THREADS_MARK, StubSegmenter, blas_threads

from segmenter.html import html_to_page
from segmenter.io import runner
from segmenter.io.records import Record
from segmenter.io.runner import PageResult, batched, segment_batch, segment_record, segment_records
from segmenter.model_io import ModelError

PAGE = "\n\n".join(CHROME[:2] + NEWS[:2] + OPINION[:1])


def text_records(n: int) -> list[Record]:
    return [Record(f"page-{k}", text=f"{PAGE}\n\nline number {k}", origin=f"dump.jsonl:{k + 1}") for k in range(n)]


def test_every_record_gives_one_result_in_order():
    records = text_records(5) + [Record("bad", error="invalid JSON", origin="dump.jsonl:6")] + text_records(2)
    results = list(segment_records(StubSegmenter(), records))
    assert [r.id for r in results] == [r.id for r in records]
    assert [r.ok for r in results] == [True] * 5 + [False] + [True] * 2
    assert results[5].to_json() == {"id": "bad", "error": "dump.jsonl:6: invalid JSON"}


def test_segments_carry_offsets_into_the_page():
    record = text_records(1)[0]
    result = segment_record(StubSegmenter(), record)
    assert result.size == len(record.text)
    for segment in result.to_json()["segments"]:
        assert record.text[segment["start"] : segment["end"]] == segment["text"]


def test_a_page_that_raises_becomes_one_error_line_naming_the_page():
    records = text_records(3)
    records[1] = Record("boom", text=f"{PAGE}\n{FAIL_MARK}", origin="dump.jsonl:2")
    results = segment_batch(StubSegmenter(), records)
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].id == "boom"
    assert results[1].error == (
        "dump.jsonl:2: segmentation failed (RuntimeError: cannot cope with EXPLODE second line of the message)"
    )


def test_html_records_are_segmented_over_the_text_extracted_from_their_dom():
    html = "<html><body><div class='post'><p>First paragraph here.</p><p>Second one.</p></div></body></html>"
    result = segment_record(StubSegmenter(), Record("h", html=html))
    text, _ = html_to_page(html)
    assert {s.label for s in result.segments} == {"news"}
    assert [s.text for s in result.segments] == ["First paragraph here.", "Second one."]
    assert all(text[s.start : s.end] == s.text for s in result.segments)


def test_an_empty_page_has_no_segments_but_a_result():
    assert segment_record(StubSegmenter(), Record("empty", text="")).to_json() == {"id": "empty", "segments": []}


@pytest.mark.parametrize(("pages", "chars", "sizes"), [(3, 10**9, [3, 3, 1]), (100, 2 * len(PAGE) + 30, [2, 2, 2, 1])])
def test_batches_close_at_a_page_count_or_a_size(pages, chars, sizes):
    assert [len(b) for b in batched(text_records(7), pages=pages, chars=chars)] == sizes


def test_no_records_no_results():
    assert list(segment_records(StubSegmenter(), [], jobs=2)) == []


def test_zero_jobs_is_refused():
    with pytest.raises(ValueError, match="jobs must be a positive number"):
        list(segment_records(StubSegmenter(), text_records(1), jobs=0))


def test_two_processes_keep_input_order_and_match_one_process():
    records = text_records(120)
    records[50] = Record("boom", text=FAIL_MARK)
    records[70] = Record("unreadable", error="binary data")
    one = [r.to_json() for r in segment_records(StubSegmenter(), records, jobs=1, batch_size=7)]
    two = list(segment_records(StubSegmenter(), records, jobs=2, batch_size=7))
    assert [r.id for r in two] == [r.id for r in records]
    # the stub's score counts unpicklings in the process that segmented the page: the model reached
    # each worker once, not once per batch
    assert {s.score for r in two if r.ok for s in r.segments} == {1.0}
    assert [_without_scores(r.to_json()) for r in two] == [_without_scores(r) for r in one]


def test_workers_share_the_cores_instead_of_each_starting_a_blas_thread_per_core(monkeypatch):
    for name in runner.THREAD_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    results = list(segment_records(StubSegmenter(), [Record(f"p{k}", text=THREADS_MARK) for k in range(8)],
                                   jobs=2, batch_size=1))
    assert {s.label for r in results for s in r.segments} == {f"threads:{runner.RUN_THREADS}"}


def _without_scores(page: dict) -> dict:
    if "segments" not in page:
        return page
    return {**page, "segments": [{**s, "score": None} for s in page["segments"]]}


@pytest.mark.filterwarnings("ignore:.*tasks have been successfully executed:UserWarning")
def test_records_are_read_lazily():
    consumed = 0

    def endless() -> Iterator[Record]:
        nonlocal consumed
        for k in itertools.count():
            consumed += 1
            yield Record(f"p{k}", text=PAGE)

    for jobs in (1, 2):
        consumed = 0
        results = segment_records(StubSegmenter(), endless(), jobs=jobs, batch_size=4)
        first = list(itertools.islice(results, 10))
        results.close()
        assert [r.id for r in first] == [f"p{k}" for k in range(10)]
        assert consumed < 200


def test_results_come_while_the_input_is_still_being_written():
    """A pipe whose producer is slow: the pages read so far are segmented and handed out before more come."""
    more_input = threading.Event()
    waited_out: list[bool] = []

    def slow_producer() -> Iterator[Record]:
        yield from text_records(8)
        waited_out.append(not more_input.wait(timeout=60))  # the timeout only ends a failing test
        yield from text_records(2)

    results = segment_records(StubSegmenter(), slow_producer(), jobs=2, batch_size=4)
    first = list(itertools.islice(results, 8))
    more_input.set()
    rest = list(results)
    assert waited_out == [False]
    assert [r.id for r in first + rest] == [f"page-{k}" for k in range(8)] + ["page-0", "page-1"]


def test_an_input_that_fails_while_read_in_parallel_raises_its_own_error():
    def failing() -> Iterator[Record]:
        yield from text_records(9)
        raise OSError("the disk went away")

    results = segment_records(StubSegmenter(), failing(), jobs=2, batch_size=4)
    with pytest.raises(OSError, match="the disk went away"):
        list(results)


def test_a_worker_that_dies_stops_the_run_with_an_error_and_the_next_run_works():
    records = text_records(6) + [Record("crash", text=f"{PAGE}\n{CRASH_MARK}")] + text_records(6)
    with pytest.raises(Exception, match="(?i)worker|process"):
        list(segment_records(StubSegmenter(), records, jobs=2, batch_size=2))
    assert [r.id for r in segment_records(StubSegmenter(), text_records(5), jobs=2, batch_size=2)] == [
        f"page-{k}" for k in range(5)
    ]


def test_the_real_segmenter_gives_the_same_segments_in_batches_and_processes(tiny_segmenter):
    records = [Record(f"r{k}", text=f"{PAGE}\n\n{OPINION[k % 3]}") for k in range(40)]
    expected = [PageResult(r.id, segments=tuple(tiny_segmenter.segment(r.text))) for r in records]
    for jobs in (1, 2):
        results = list(segment_records(tiny_segmenter, records, jobs=jobs, batch_size=6))
        assert [r.to_json() for r in results] == [e.to_json() for e in expected]


def test_a_model_file_is_loaded_by_each_process_that_segments(tiny_segmenter, tiny_model_path):
    records = [Record(f"r{k}", text=f"{PAGE}\n\n{OPINION[k % 3]}") for k in range(20)]
    expected = [r.to_json() for r in segment_records(tiny_segmenter, records)]
    model = runner.ModelFile(str(tiny_model_path))
    runner.start_workers(model, jobs=2)
    for jobs in (1, 2):
        assert [r.to_json() for r in segment_records(model, records, jobs=jobs, batch_size=6)] == expected


def test_workers_report_an_unusable_model_file_before_any_page(tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"no model here")
    with pytest.raises(ModelError, match="not a segmenter model file"):
        runner.start_workers(runner.ModelFile(str(bad)), jobs=2)


@pytest.fixture()
def long_run_settings():
    """Gives this test process its collector and thread pools back after ``prepare_for_a_long_run``."""
    import gc

    from threadpoolctl import threadpool_limits

    threshold = gc.get_threshold()
    with threadpool_limits(limits=None):  # restores the pools' sizes on leaving
        try:
            yield
        finally:
            gc.unfreeze()
            gc.set_threshold(*threshold)


def test_a_long_run_freezes_what_exists_and_collects_the_young_less_often_on_one_blas_thread(
    monkeypatch, long_run_settings
):
    import gc

    for name in runner.THREAD_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    threshold = gc.get_threshold()
    runner.prepare_for_a_long_run()
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == (runner.RUN_GC_THRESHOLD, *threshold[1:])
    assert blas_threads() == runner.RUN_THREADS


def test_a_long_run_leaves_thread_pools_that_the_environment_sizes(monkeypatch, long_run_settings):
    from threadpoolctl import threadpool_limits

    monkeypatch.setenv("OMP_NUM_THREADS", "2")
    threadpool_limits(limits=2, user_api="blas")
    runner.prepare_for_a_long_run()
    assert blas_threads() == 2


def test_results_survive_the_trip_back_from_a_worker():
    import pickle

    done = segment_record(StubSegmenter(), Record("p", text=PAGE))
    failed = PageResult("q", error="unreadable", size=3)
    for result in (done, failed):
        assert pickle.loads(pickle.dumps(result)) == result
    assert done.segments and pickle.loads(pickle.dumps(done.segments[0])) == done.segments[0]
