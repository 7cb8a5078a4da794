"""Segmenting on a Dask cluster, or in PySpark: the model is loaded once per worker process.

Dask is an optional extra: ``pip install 'segmenter[dask]'``. It is imported only when used.
``model_path`` must be readable by every worker (a shared file system); ``None`` loads the bundled model,
which every worker with ``segmenter`` installed has.

A Dask bag of pages (dicts with ``id`` and ``text`` or ``html``, `Record` objects, or plain strings)::

    import json
    import dask.bag as db
    from segmenter.distributed import segment_bag

    pages = db.read_text("dump-*.jsonl").map(json.loads)
    segment_bag(pages, model_path="/shared/model.npz").map(json.dumps).to_textfiles("out-*.jsonl")

PySpark, with ``mapInPandas`` (pandas comes with PySpark; segmenter itself does not need it)::

    import json
    import pandas as pd
    from segmenter.distributed import segment_partition

    def segment_frames(frames):
        for frame in frames:
            results = segment_partition(frame.to_dict("records"), "/shared/model.npz")
            yield pd.DataFrame([{"id": r["id"], "result": json.dumps(r)} for r in results])

    pages_df.select("id", "text").mapInPandas(segment_frames, schema="id string, result string")

Each result is the output contract's page object: ``{"id", "segments": [...]}`` or ``{"id", "error"}``
(a plain string page gets the id ``""``). :func:`segment_on_cluster` streams records through a Dask
``Client`` in order, which is what ``segmenter segment --scheduler`` uses.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from segmenter.io.records import Record
from segmenter.io.runner import BATCH_PAGES, PageResult, batched, cached_segmenter, segment_batch

#: The value of ``--scheduler`` that starts a cluster on this machine for the run.
LOCAL_SCHEDULER = "local"


def _require_dask() -> None:
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise ModuleNotFoundError("Dask is not installed: pip install 'segmenter[dask]'") from None


def as_record(item: Record | dict | str) -> Record:
    """A `Record` from a record, a dict with ``id`` and ``text`` or ``html``, or a page's text."""
    if isinstance(item, Record):
        return item
    if isinstance(item, str):
        return Record("", text=item)
    page_id = str(item.get("id", ""))
    text, html = item.get("text"), item.get("html")
    if isinstance(text, str):
        return Record(page_id, text=text)
    if isinstance(html, str):
        return Record(page_id, html=html)
    return Record(page_id, error="the record has neither a 'text' nor an 'html' string")


def segment_partition(items: Iterable[Record | dict | str], model_path: str | Path | None = None) -> Iterator[dict]:
    """Segment one partition lazily: a page object per item, in order (see the module docstring)."""
    segmenter = cached_segmenter(model_path)
    for batch in batched(as_record(item) for item in items):
        for result in segment_batch(segmenter, batch):
            yield result.to_json()


def _segment_partition_list(items: Iterable[Record | dict | str], model_path: str | None) -> list[dict]:
    return list(segment_partition(items, model_path))


def segment_bag(bag: Any, model_path: str | Path | None = None) -> Any:
    """A ``dask.bag.Bag`` of page objects, one per page of ``bag``, partition by partition."""
    _require_dask()
    return bag.map_partitions(_segment_partition_list, None if model_path is None else str(model_path))


def _segment_on_worker(records: list[Record], model_path: str | None) -> list[PageResult]:
    return segment_batch(cached_segmenter(model_path), records)


def segment_on_cluster(
    client: Any,
    records: Iterable[Record],
    model_path: str | Path | None = None,
    batch_size: int = BATCH_PAGES,
    in_flight: int | None = None,
) -> Iterator[PageResult]:
    """Segment ``records`` on the workers of a Dask ``client``: one result per record, in order.

    At most ``in_flight`` batches (twice the cluster's threads by default) are out at once, so the
    records are read as the cluster works through them and memory stays bounded.
    """
    path = None if model_path is None else str(model_path)
    in_flight = in_flight or 2 * max(sum(client.nthreads().values()), 1)
    pending: deque = deque()
    for batch in batched(records, pages=batch_size):
        pending.append(client.submit(_segment_on_worker, batch, path, pure=False))
        if len(pending) >= in_flight:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


@contextmanager
def dask_client(scheduler: str, workers: int = 1) -> Iterator[Any]:
    """A Dask client for ``scheduler``: an address such as ``tcp://host:8786``, or ``local`` for a
    cluster of ``workers`` single-threaded processes on this machine, closed when the block ends."""
    _require_dask()
    from distributed import Client, LocalCluster

    if scheduler == LOCAL_SCHEDULER:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, dashboard_address=":0", silence_logs=logging.ERROR
        )
        with cluster, Client(cluster) as client:
            yield client
    else:
        with Client(scheduler) as client:
            yield client
