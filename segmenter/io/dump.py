"""Segmenting a whole dump into a file or a stream: the runner, the journal and the writers together.

Writing a file ``OUT`` is crash-safe and resumable (see :mod:`segmenter.io.journal`):

1. every page's result is appended to the journal ``OUT.partial`` as it comes, in input order;
2. when the last page is done, the journal becomes ``OUT``: renamed as it is for the default JSONL
   output, or rendered into the chosen format (CSV, ``only``, errors apart) through a temporary file
   that replaces ``OUT`` at once, then removed. ``OUT`` never exists half-written.

With ``resume``, a run continues an interrupted run's journal: it reads the inputs again, checks that
they give the same ids in the same order, keeps every page the journal holds as segmented, retries
every page it holds as failed (their new results are put in place when ``OUT`` is written), and
segments the pages after it. Killing a run at any point and resuming it therefore gives the same
``OUT``, byte for byte, as a run that was never interrupted.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, nullcontext
from pathlib import Path
from typing import TextIO

from segmenter.io.journal import (
    JournalError,
    JournalWriter,
    complete_length,
    journal_path,
    read_entries,
    read_lines,
)
from segmenter.io.records import Record
from segmenter.io.runner import PageResult, batched
from segmenter.io.summary import RunStats
from segmenter.io.writers import OutputOptions, PageWriter, atomic_output, encode_line, page_line

#: Turns records into results, one each, in order: e.g. ``partial(segment_records, segmenter, jobs=2)``.
Run = Callable[[Iterable[Record]], Iterator[PageResult]]
#: Called with the counts after every page (to draw progress).
OnPage = Callable[[RunStats], None]

#: A resumed run retries failed pages this many at a time.
RETRY_PAGES = 256
_RETRY_CHARS = 64_000_000


def _ignore(stats: RunStats) -> None:
    pass


def segment_to_stream(
    run: Run,
    records: Iterable[Record],
    out: TextIO,
    options: OutputOptions | None = None,
    errors_path: Path | None = None,
    on_page: OnPage | None = None,
) -> RunStats:
    """Segment ``records`` into the text stream ``out`` (e.g. standard output), page by page.

    Error lines go into ``out`` too, unless ``errors_path`` names a JSONL file for them (written
    whole when the run completes). Returns the run's counts.
    """
    options = options or OutputOptions()
    on_page = on_page or _ignore
    stats = RunStats()
    with atomic_output(errors_path) if errors_path else nullcontext() as errors:
        writer = PageWriter(out, options, errors)
        for result in run(records):
            writer.write(result.to_json())
            stats.add(result)
            on_page(stats)
        out.flush()
    return stats


def segment_to_file(
    run: Run,
    records: Iterable[Record],
    out: Path,
    options: OutputOptions | None = None,
    errors_path: Path | None = None,
    resume: bool = False,
    on_page: OnPage | None = None,
) -> RunStats:
    """Segment ``records`` into the file ``out`` through its journal; returns the run's counts.

    Raises :class:`JournalError` if ``out``'s journal exists and ``resume`` is false (an interrupted
    run would be lost), or if ``resume`` finds that the inputs no longer match the journal. With
    ``resume``, no journal and an existing ``out``, there is nothing to resume: nothing is done.
    """
    options = options or OutputOptions()
    on_page = on_page or _ignore
    journal = journal_path(out)
    retried_path = journal.with_name(journal.name + ".retried")
    stats = RunStats()
    if journal.exists() and not resume:
        raise JournalError(
            f"{journal} holds an interrupted run: resume it (--resume) or delete it to start over"
        )
    if resume and not journal.exists() and out.exists():
        return stats
    records = iter(records)
    keep = complete_length(journal) if resume and journal.exists() else 0
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        prior, retried = 0, 0
        if keep:
            prior, retried = _replay(run, records, journal, keep, retried_path, stats, on_page)
        with JournalWriter(journal, keep) as writer:
            for result in run(records):
                writer.append(result)
                stats.add(result)
                on_page(stats)
            writer.close(sync=True)
        if options.is_contract_jsonl and errors_path is None and not retried:
            os.replace(journal, out)
        else:
            _render(journal, prior, retried_path if retried else None, out, options, errors_path)
            journal.unlink()
    finally:
        retried_path.unlink(missing_ok=True)
    return stats


def _replay(
    run: Run,
    records: Iterator[Record],
    journal: Path,
    keep: int,
    retried_path: Path,
    stats: RunStats,
    on_page: OnPage,
) -> tuple[int, int]:
    """Walk the journal's pages alongside the inputs; retry failed ones into ``retried_path``.

    Returns how many pages the journal holds and how many were retried.
    """
    prior = 0

    def failed_records() -> Iterator[Record]:
        nonlocal prior
        for entry in read_entries(journal, keep):
            record = next(records, None)
            if record is None or record.id != entry.id:
                now = "end there" if record is None else f"give {record.id!r} there"
                raise JournalError(
                    f"{journal}: page {prior + 1} is {entry.id!r} but the inputs {now}: the inputs changed "
                    "since the interrupted run; delete the file to start over"
                )
            prior += 1
            if entry.ok:
                stats.add_reused()
                on_page(stats)
            else:
                yield record

    retried = 0
    with retried_path.open("wb") as side:
        for chunk in batched(failed_records(), pages=RETRY_PAGES, chars=_RETRY_CHARS):
            for result in run(chunk):
                side.write(encode_line(page_line(result.to_json())))
                stats.add(result)
                on_page(stats)
                retried += 1
    return prior, retried


def _render(
    journal: Path, prior: int, retried_path: Path | None, out: Path, options: OutputOptions, errors_path: Path | None
) -> None:
    """Write ``out`` (and ``errors_path``) from the journal, with retried pages put in place."""
    with ExitStack() as stack:
        writer = PageWriter(
            stack.enter_context(atomic_output(out)),
            options,
            stack.enter_context(atomic_output(errors_path)) if errors_path else None,
        )
        retried = stack.enter_context(retried_path.open("rb")) if retried_path else None
        for position, line in enumerate(read_lines(journal, complete_length(journal))):
            page = json.loads(line)
            if retried is not None and position < prior and "error" in page:
                page = json.loads(retried.readline())
            writer.write(page)
