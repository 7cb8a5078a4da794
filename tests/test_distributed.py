"""Dask: a bag of pages and a stream of records segmented on a (local, in-process) cluster."""

from __future__ import annotations

import json

import pytest
from handwritten import CHROME, NEWS, OPINION

from segmenter.distributed import as_record, cached_segmenter, segment_bag, segment_on_cluster, segment_partition
from segmenter.io.records import Record
from segmenter.io.runner import segment_record

dask_bag = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

PAGES = ["\n\n".join([CHROME[k % 5], NEWS[k % 5], OPINION[k % 3], f"Post {k}."]) for k in range(30)]


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0") as cluster,
        distributed.Client(cluster) as dask_client,
    ):
        yield dask_client


def expected(tiny_model_path, records):
    segmenter = cached_segmenter(tiny_model_path)
    return [segment_record(segmenter, r).to_json() for r in records]


def test_the_model_is_loaded_once_per_process(tiny_model_path):
    assert cached_segmenter(tiny_model_path) is cached_segmenter(str(tiny_model_path))


def test_a_bag_of_dicts_is_segmented_page_by_page_in_order(client, tiny_model_path):
    rows = [{"id": f"p{k}", "text": text} for k, text in enumerate(PAGES)]
    bag = dask_bag.from_sequence(rows, npartitions=4)
    results = segment_bag(bag, model_path=tiny_model_path).compute()
    assert results == expected(tiny_model_path, [as_record(r) for r in rows])


def test_a_bag_of_plain_texts(client, tiny_model_path):
    results = segment_bag(dask_bag.from_sequence(PAGES[:3], npartitions=2), tiny_model_path).compute()
    assert [r["id"] for r in results] == ["", "", ""]
    assert results[0]["segments"][0]["start"] == 0


def test_a_record_stream_on_the_cluster_keeps_input_order(client, tiny_model_path):
    records = [Record(f"p{k}", text=text) for k, text in enumerate(PAGES)]
    records[4] = Record("bad", error="invalid JSON")
    results = list(segment_on_cluster(client, records, tiny_model_path, batch_size=4, in_flight=2))
    assert [r.to_json() for r in results] == expected(tiny_model_path, records)


def test_a_partition_for_pyspark_takes_plain_dicts(tiny_model_path):
    rows = [{"id": 1, "text": PAGES[0]}, {"id": "h", "html": "<p>Hello there.</p>"}, {"id": "x", "body": "?"}]
    results = list(segment_partition(rows, tiny_model_path))
    assert [r["id"] for r in results] == ["1", "h", "x"]
    assert results[1]["segments"][0]["text"] == "Hello there."
    assert results[2] == {"id": "x", "error": "the record has neither a 'text' nor an 'html' string"}


def test_the_segment_command_runs_on_a_local_cluster(tmp_path, tiny_model_path):
    from click.testing import CliRunner

    from segmenter.cli import main

    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps({"id": f"p{k}", "text": text}) + "\n" for k, text in enumerate(PAGES)))
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        main, ["segment", str(dump), "-o", str(out), "-m", str(tiny_model_path), "--scheduler", "local", "-q"]
    )
    assert result.exit_code == 0, result.output
    records = [Record(f"p{k}", text=text) for k, text in enumerate(PAGES)]
    assert [json.loads(line) for line in out.read_text().splitlines()] == expected(tiny_model_path, records)
