"""Segmenting a stream of records in input order, in this process or in a pool of worker processes.

Every record gives exactly one :class:`PageResult`, in input order: its segments, or a one-line error
(an unreadable record, or a page whose segmentation raised). Nothing is dropped and no page stops the
run. Records are cut into small batches; with ``jobs > 1`` the batches run in a pool of worker processes
(loky's, as joblib uses) and results come back lazily and in order, a few batches ahead at most, so
memory stays bounded whatever the size of the dump.

The segmenter reaches the workers once per run, not once per batch. Given as a :class:`ModelFile`, each
worker loads the file itself, and the process that hands out the batches never loads scikit-learn;
:func:`start_workers` has the workers load it before the run, so that an unusable file is reported
before any page is read. A segmenter object is dumped instead to a private hand-off file in a temporary
folder (numpy arrays memory-mapped, so the workers share the model's pages), and each worker loads it
the first time a batch names that file. The hand-off file lives only for the run; model files
themselves are never pickles (see :mod:`segmenter.model_io`).

Offsets of an HTML record refer to the text extracted from its DOM by :func:`segmenter.html.html_to_page`
(each segment's ``text`` carries that text), not to the HTML source.
"""

from __future__ import annotations

import contextlib
import gc
import os
import queue
import tempfile
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

import joblib

from segmenter.io.records import Record
from segmenter.segments import Segment

#: Environment variables that size the thread pools of numerical libraries (BLAS, OpenMP), as joblib sets
#: them for its workers.
THREAD_VARIABLES = (
    "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
)
#: Threads of the numerical libraries in each process of a run. The model's products are small: a second
#: BLAS thread did not shorten a one-job run, and its busy waiting doubled the run's CPU time.
RUN_THREADS = 1
#: Container allocations between two young-generation garbage collections during a run (Python's: 700).
RUN_GC_THRESHOLD = 10_000
#: A batch (the unit sent to a worker) closes at this many pages ...
BATCH_PAGES = 32
#: ... or at this many characters of page text or HTML, whichever comes first.
BATCH_CHARS = 4_000_000

#: Segmenters loaded from model files in this process, by path (``None``: the bundled model).
_loaded: dict[str | None, Any] = {}
_loaded_lock = threading.Lock()
#: The segmenter a worker process was given last: (where it came from, segmenter).
_worker_segmenter: tuple[Any, Any] | None = None


@dataclass(frozen=True, slots=True)
class ModelFile:
    """A model file that each process segmenting a run loads for itself (``None``: the bundled model).

    Give it to :func:`segment_records` in place of a loaded segmenter when the run has workers: the
    calling process then never loads the model, nor scikit-learn. A process loads a file once and keeps
    it, so write a retrained model to a new file rather than over one that a live process has used.
    """

    path: str | None = None

    def load(self) -> Any:
        """The segmenter stored in the file, loaded once per process."""
        return cached_segmenter(self.path)


def cached_segmenter(model_path: str | Path | None = None) -> Any:
    """The segmenter stored at ``model_path`` (bundled when ``None``), loaded once per process."""
    key = None if model_path is None else str(model_path)
    with _loaded_lock:
        if key not in _loaded:
            from segmenter.segmenter import Segmenter

            _loaded[key] = Segmenter.load(key)
        return _loaded[key]


@dataclass(frozen=True, slots=True)
class PageResult:
    """The outcome for one record: ``segments`` when it was segmented, else a one-line ``error``.

    ``size`` is the number of characters of page text (or HTML) that were read, for progress displays.
    """

    id: str
    segments: tuple[Segment, ...] | None = None
    error: str | None = None
    size: int = 0

    @property
    def ok(self) -> bool:
        """Whether the page was segmented."""
        return self.error is None

    def to_json(self) -> dict:
        """``{"id", "segments": [...]}`` or ``{"id", "error"}``: the output contract's page object."""
        if self.error is not None:
            return {"id": self.id, "error": self.error}
        return {"id": self.id, "segments": [s.to_json() for s in self.segments or ()]}

    def __reduce__(self) -> tuple:
        # Pickled as its fields, as Segment is: faster than the slotted dataclass's state functions.
        return (PageResult, (self.id, self.segments, self.error, self.size))


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _error(record: Record, message: str) -> PageResult:
    where = f"{record.origin}: " if record.origin else ""
    return PageResult(record.id, error=_one_line(where + message), size=_size(record))


def _size(record: Record) -> int:
    return len(record.text if record.text is not None else record.html or "")


def segment_record(segmenter: Any, record: Record) -> PageResult:
    """Segment one record; never raises (a failure becomes the result's ``error``)."""
    if record.error is not None:
        return _error(record, record.error)
    try:
        if record.html is not None:
            from segmenter.html import html_to_page

            text, blocks = html_to_page(record.html)
            segments = segmenter.segment_blocks(text, blocks)
        else:
            segments = segmenter.segment(record.text or "")
    except Exception as err:  # a bug must cost one page, not the run
        return _error(record, f"segmentation failed ({type(err).__name__}: {err})")
    return PageResult(record.id, segments=tuple(segments), size=_size(record))


def segment_batch(segmenter: Any, records: list[Record]) -> list[PageResult]:
    """Segment a batch of records, in order; all readable pages, text and HTML, are classified together.

    If classifying them together raises, they are redone one by one so that only the faulty page
    becomes an error.
    """
    results: list[PageResult | None] = [None] * len(records)
    pages: dict[int, tuple[str, Any]] = {}
    for k, record in enumerate(records):
        if record.error is not None:
            continue
        if record.html is None:
            pages[k] = (record.text or "", None)
            continue
        from segmenter.html import html_to_page

        try:
            pages[k] = html_to_page(record.html)
        except Exception as err:  # a bug must cost one page, not the run
            results[k] = _error(record, f"segmentation failed ({type(err).__name__}: {err})")
    if len(pages) > 1:
        try:
            segmented = segmenter.segment_blocks_many(pages.values())
            for k, segments in zip(pages, segmented, strict=True):
                results[k] = PageResult(records[k].id, segments=tuple(segments), size=_size(records[k]))
        except Exception:  # isolate the faulty page below
            results = [result if result is not None and result.error else None for result in results]
    return [result or segment_record(segmenter, records[k]) for k, result in enumerate(results)]


def batched(records: Iterable[Record], pages: int = BATCH_PAGES, chars: int = BATCH_CHARS) -> Iterator[list[Record]]:
    """Cut ``records`` into lists of at most ``pages`` records and about ``chars`` characters."""
    batch: list[Record] = []
    size = 0
    for record in records:
        batch.append(record)
        size += _size(record)
        if len(batch) >= pages or size >= chars:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def prepare_for_a_long_run() -> None:
    """Tune this process's garbage collector and thread pools for segmenting many pages; for processes
    of segmenter's own (the segment command and its workers), once the model is loaded.

    The objects that exist by then, some 100,000 of the libraries and the model, live for the whole
    run: they are frozen out of the collections, each full one of which walked them all again. And
    young collections come every ``RUN_GC_THRESHOLD`` container allocations instead of 700, as a batch
    allocates many short-lived lists and tuples. Together these took 5-7% of a run.

    The numerical libraries get ``RUN_THREADS`` threads, unless the environment sizes their pools.
    """
    gc.collect()  # what is garbage now is not frozen with the rest
    gc.freeze()
    gc.set_threshold(RUN_GC_THRESHOLD, *gc.get_threshold()[1:])
    if not any(name in os.environ for name in THREAD_VARIABLES):
        from threadpoolctl import threadpool_limits

        threadpool_limits(RUN_THREADS)  # kept for the life of the process


@dataclass(frozen=True, slots=True)
class _HandOff:
    """A segmenter object dumped for the workers of one run."""

    path: str

    def load(self) -> Any:
        return joblib.load(self.path, mmap_mode="r")


def _worker_model(source: ModelFile | _HandOff) -> Any:
    """Worker side: the run's segmenter, loaded once per process, which is then tuned for the run."""
    global _worker_segmenter
    if _worker_segmenter is None or _worker_segmenter[0] != source:
        _worker_segmenter = (source, source.load())
        prepare_for_a_long_run()
    return _worker_segmenter[1]


def _segment_in_worker(source: ModelFile | _HandOff, records: list[Record]) -> list[PageResult]:
    return segment_batch(_worker_model(source), records)


def _load_in_worker(source: ModelFile) -> None:
    _worker_model(source)


def _executor(workers: int) -> Any:
    """The pool of ``workers`` processes (loky's reusable executor, as joblib's), started once and kept."""
    from joblib.externals.loky import get_reusable_executor

    return get_reusable_executor(max_workers=workers, env=worker_environment())


def start_workers(model: ModelFile, jobs: int) -> None:
    """Start the worker processes of a run with ``jobs`` and wait until each has loaded ``model``.

    Raises :class:`segmenter.model_io.ModelError` for an unusable model file, before any page is read.
    With ``jobs`` of 1 there are no workers, and nothing is done.
    """
    workers = joblib.effective_n_jobs(jobs)
    if workers > 1:
        executor = _executor(workers)
        for future in [executor.submit(_load_in_worker, model) for _ in range(workers)]:
            future.result()


def segment_records(
    segmenter: Any, records: Iterable[Record], jobs: int = 1, batch_size: int = BATCH_PAGES
) -> Iterator[PageResult]:
    """Segment ``records`` lazily: one :class:`PageResult` per record, in input order.

    Parameters
    ----------
    segmenter : Segmenter or ModelFile
        Anything with ``segment(text)``, ``segment_blocks(text, blocks)`` and ``segment_blocks_many(pages)``,
        or a :class:`ModelFile` that each segmenting process loads.
    records : iterable of Record
        Read lazily, a few batches ahead of the results.
    jobs : int, default=1
        Worker processes; 1 segments in this process, -1 uses every core (joblib's convention).
    batch_size : int, default=BATCH_PAGES
        Pages per batch sent to a worker.
    """
    if jobs == 0:
        raise ValueError("jobs must be a positive number of processes, or negative to count back from all cores")
    batches = batched(records, pages=batch_size)
    workers = joblib.effective_n_jobs(jobs)
    if workers == 1:
        loaded = segmenter.load() if isinstance(segmenter, ModelFile) else segmenter
        for batch in batches:
            yield from segment_batch(loaded, batch)
        return
    first = next(batches, None)
    if first is None:
        return
    if isinstance(segmenter, ModelFile):
        yield from chain.from_iterable(_in_workers(segmenter, chain([first], batches), workers))
        return
    with tempfile.TemporaryDirectory(prefix="segmenter-run-") as folder:
        handoff = _HandOff(str(Path(folder) / "segmenter.joblib"))
        joblib.dump(segmenter, handoff.path)
        yield from chain.from_iterable(_in_workers(handoff, chain([first], batches), workers))


def worker_environment() -> dict[str, str]:
    """The thread-pool sizes of the workers: ``RUN_THREADS`` for each numerical library, unless this
    process's environment sets its variable. Without this, each worker's BLAS would start a thread per
    core for the model's small products, and the threads of all workers would fight for the cores.
    """
    return {name: os.environ.get(name, str(RUN_THREADS)) for name in THREAD_VARIABLES}


class _ReadFailed:
    """What the reading thread hands over when reading the inputs raised."""

    def __init__(self, error: BaseException) -> None:
        self.error = error


_END_OF_INPUT = object()


def _in_workers(
    source: ModelFile | _HandOff, batches: Iterator[list[Record]], workers: int
) -> Iterator[list[PageResult]]:
    """The results of ``batches``, in order, segmented by ``workers`` processes.

    A thread reads the batches and submits them, at most ``2 * workers`` ahead of the results. Reading
    happens off the thread that hands results out, so a slow input (a pipe whose producer is still
    writing) never holds back the results of the batches already done.
    """
    executor = _executor(workers)
    window: queue.Queue = queue.Queue(maxsize=2 * workers)
    stopped = threading.Event()

    def hand_over(item: object) -> bool:
        while not stopped.is_set():
            with contextlib.suppress(queue.Full):
                window.put(item, timeout=0.1)
                return True
        return False

    def read() -> None:
        try:
            for batch in batches:
                future = executor.submit(_segment_in_worker, source, batch)
                if not hand_over(future):
                    future.cancel()
                    return
        except BaseException as err:  # handed to the consumer, which raises it
            hand_over(_ReadFailed(err))
            return
        hand_over(_END_OF_INPUT)

    reader = threading.Thread(target=read, name="segmenter-reader", daemon=True)
    reader.start()
    finished = False
    try:
        while (item := window.get()) is not _END_OF_INPUT:
            if isinstance(item, _ReadFailed):
                raise item.error
            yield item.result()
        finished = True
    finally:
        stopped.set()
        if not finished:  # stop the workers before their hand-off file goes
            while not window.empty():
                item = window.get_nowait()
                if isinstance(item, Future):
                    item.cancel()
            executor.shutdown(wait=True, kill_workers=True)
        reader.join(timeout=1)
