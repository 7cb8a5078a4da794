"""``segmenter segment``: segment pages, folders and dumps into JSONL or CSV, in parallel and resumably."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable
from contextlib import ExitStack
from functools import partial
from pathlib import Path
from typing import Any

import click
from joblib import effective_n_jobs

from segmenter.cli.common import ModelUnusable, load_segmenter, model_option
from segmenter.io.dump import Run, segment_to_file, segment_to_stream
from segmenter.io.journal import JournalError, journal_path
from segmenter.io.progress import Progress
from segmenter.io.read_options import (
    DEFAULT_MAX_PAGE_BYTES,
    INPUT_FORMATS,
    MAX_PAGE_BYTES_OPTION,
    ReadOptions,
    ReadStats,
)
from segmenter.io.records import Record
from segmenter.io.runner import ModelFile, prepare_for_a_long_run, segment_records, start_workers
from segmenter.io.sources import check_inputs, iter_records
from segmenter.io.summary import RunStats
from segmenter.io.writers import FORMATS, OutputOptions, text_stream
from segmenter.labels import LABELS
from segmenter.model_io import ModelError

_READ = ReadOptions()
#: Exit status of an interrupted run (128 + SIGINT), as shells report it.
EXIT_INTERRUPTED = 130


class _NothingDone(click.ClickException):
    """A usage or input error found before any page was processed: exit status 2."""

    exit_code = 2


def _jobs(ctx: click.Context, param: click.Parameter, value: int) -> int:
    if value == 0:
        raise click.BadParameter("give a number of processes, or -1 for one per core")
    return value


def _labels(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[str, ...]:
    labels = tuple(label.strip() for label in (value or "").split(",") if label.strip())
    unknown = [label for label in labels if label not in LABELS]
    if unknown:
        raise click.BadParameter(f"unknown label {unknown[0]!r}; expected some of {', '.join(LABELS)}")
    return labels


def _check_paths(inputs: tuple[str, ...], out: Path | None, errors_path: Path | None, resume: bool) -> None:
    try:
        check_inputs(inputs)
    except ValueError as err:
        raise _NothingDone(str(err)) from None
    if resume and out is None:
        raise click.UsageError("--resume needs an output file (-o OUT): standard output cannot be resumed")
    read = {Path(name).resolve() for name in inputs if name != "-"}
    for path in (out, errors_path):
        if path is not None and (path.resolve() in read or journal_path(path).resolve() in read):
            raise click.UsageError(f"the output {path} is also an input; write it somewhere else")
    if out is not None and not resume and journal_path(out).exists():
        raise _NothingDone(
            f"{journal_path(out)} holds an interrupted run: add --resume to continue it, or delete it to start over"
        )


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Output file  [default: standard output]. A file is written through OUT.partial and "
                   "appears only when the run completes.")
@model_option
@click.option("-j", "--jobs", type=int, default=1, show_default=True, callback=_jobs,
              help="Worker processes; -1 for one per core.")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default=FORMATS[0], show_default=True,
              help="jsonl: one {id, segments} object per page. csv: one row per segment "
                   "(id,start,end,label,score,text,error).")
@click.option("--only", callback=_labels, metavar="LABEL[,LABEL]",
              help="Write only the text of the segments with these labels: one {id, text} object per page, "
                   "segments joined by a blank line (csv: id,text,error).")
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the error lines {id, error} to this JSONL file instead of the output.")
@click.option("--resume", is_flag=True,
              help="Continue the interrupted run of the same command: keep the pages in OUT.partial, retry "
                   "its failed ones, segment the rest. The result equals an uninterrupted run's.")
@click.option("-q", "--quiet", is_flag=True, help="No progress line and no summary on stderr.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Run on a Dask cluster at ADDRESS (tcp://host:8786), or 'local' to start --jobs Dask workers "
                   "here. Needs segmenter[dask]; --model must be readable by every worker.")
@click.option("--id-field", default=_READ.id_field, show_default=True, help="JSONL field holding the page id.")
@click.option("--text-field", default=_READ.text_field, show_default=True, help="JSONL field holding page text.")
@click.option("--html-field", default=_READ.html_field, show_default=True, help="JSONL field holding page HTML.")
@click.option("--encoding", help="Read every input in this encoding  [default: detected per page]")
@click.option(MAX_PAGE_BYTES_OPTION, "max_page_bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_PAGE_BYTES,
              show_default=True, help="A larger page becomes an error line instead of being read.")
@click.option("--input-format", type=click.Choice(INPUT_FORMATS), default=_READ.input_format, show_default=True,
              help="Read every input as this format; auto goes by extension and content.")
def segment(inputs: tuple[str, ...], output: Path | None, model: Path | None, jobs: int, output_format: str,
            only: tuple[str, ...], errors_path: Path | None, resume: bool, quiet: bool, scheduler: str | None,
            id_field: str, text_field: str, html_field: str, encoding: str | None, max_page_bytes: int,
            input_format: str) -> None:
    """Segment forum pages from files, folders and dumps, in input order.

    INPUTS are text or HTML pages, folders of them, JSONL or WARC dumps (gzipped or not), or - for
    standard input.

    Writes one object per page, in input order: {"id", "segments": [{"start", "end", "label", "score",
    "text"}]}, or {"id", "error"} for a page that could not be read or segmented. For an HTML page the
    offsets refer to the text extracted from its HTML, which the segments' text fields carry.

    Exit status: 0 every page segmented; 1 some pages failed (the others are written) or the run was
    stopped (rerun with --resume); 2 usage, input or model error, nothing done; 130 interrupted.

    Example:

        segmenter segment dump.jsonl.gz -o segments.jsonl --jobs 4

        segmenter segment dump.jsonl.gz -o segments.jsonl --jobs 4 --resume

        segmenter segment pages/ --only news,press_release --format csv -o articles.csv

        segmenter segment - --quiet < thread.html
    """
    out = None if output is None or str(output) == "-" else output
    _check_paths(inputs, out, errors_path, resume)
    if resume and out is not None and not journal_path(out).exists() and out.exists():
        if not quiet:
            click.echo(f"{out} is complete: nothing to resume", err=True)
        return
    try:
        read_options = ReadOptions(id_field, text_field, html_field, encoding, max_page_bytes, input_format)
    except ValueError as err:
        raise _NothingDone(str(err)) from None
    options = OutputOptions(output_format, only)
    segmenter = _load_for_the_run(model, jobs, scheduler)
    prepare_for_a_long_run()
    read_stats = ReadStats()
    records = iter_records(inputs, read_options, read_stats)
    progress = Progress(enabled=False if quiet else None)
    progress.count_in_background(inputs)
    with ExitStack() as stack:
        if scheduler:
            run = _cluster_run(stack, scheduler, jobs, model)
        else:
            run = partial(segment_records, segmenter, jobs=jobs)
        stats = _run(run, records, out, options, errors_path, resume, progress)
    if not quiet:
        click.echo(stats.summary(), err=True)
        if read_stats.skipped or read_stats.renamed_ids:
            click.echo(f"read: {read_stats.summary()}", err=True)
    if stats.failed:
        sys.exit(1)


def _load_for_the_run(model: Path | None, jobs: int, scheduler: str | None) -> Any:
    """The segmenter that ``segment_records`` gets: loaded here for a run in this process (and checked
    here for a cluster run), or a model file that the workers load, which they do now."""
    if scheduler or effective_n_jobs(jobs) == 1:
        return load_segmenter(model)
    model_file = ModelFile(None if model is None else str(model.resolve()))
    try:
        start_workers(model_file, jobs)
    except ModelError as err:
        raise ModelUnusable(str(err)) from None
    except Exception as err:  # a worker that died while starting: one line, never a traceback
        raise click.ClickException(f"the workers did not start: {type(err).__name__}: {err}") from None
    return model_file


def _cluster_run(stack: ExitStack, scheduler: str, jobs: int, model: Path | None) -> Run:
    from segmenter.distributed import dask_client, segment_on_cluster

    try:
        client = stack.enter_context(dask_client(scheduler, workers=(os.cpu_count() or 1) if jobs < 0 else jobs))
    except ModuleNotFoundError as err:
        raise _NothingDone(str(err)) from None
    except OSError as err:
        raise _NothingDone(f"cannot reach the Dask scheduler {scheduler}: {err}") from None
    path = None if model is None else model.resolve()
    return partial(segment_on_cluster, client, model_path=path)


def _run(run: Run, records: Iterable[Record], out: Path | None, options: OutputOptions, errors_path: Path | None,
         resume: bool, progress: Progress) -> RunStats:
    """Segment into ``out`` (or standard output); a stop leaves one clear line, never a traceback."""
    kept = f"; the pages done so far are kept in {journal_path(out)}: add --resume to continue" if out else ""
    try:
        if out is None:
            stdout = text_stream(sys.stdout.buffer)
            try:
                return segment_to_stream(run, records, stdout, options, errors_path, progress.update)
            finally:
                with contextlib.suppress(OSError):
                    stdout.flush()
                stdout.detach()
        return segment_to_file(run, records, out, options, errors_path, resume, progress.update)
    except JournalError as err:
        raise _NothingDone(str(err)) from None
    except BrokenPipeError:  # the reader of standard output went away (e.g. `| head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except KeyboardInterrupt:
        progress.close()
        click.echo(f"interrupted{kept}", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except Exception as err:  # a dead worker, a full disk: say so in one line and keep what was done
        progress.close()
        raise click.ClickException(f"the run stopped: {type(err).__name__}: {err}{kept}") from None
    finally:
        progress.close()
