"""``segmenter evaluate``: score a model, or a prediction file, against annotated gold pages."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from segmenter.cli.common import load_segmenter, model_option
from segmenter.evaluation import error_listing, evaluate_pages, read_predictions, render_json, render_text
from segmenter.io.progress import Progress
from segmenter.io.summary import RunStats
from segmenter.pages import AnnotatedPage, AnnotationError, page_blocks, read_annotated

#: How many of the worst pages ``--errors`` lists by default.
DEFAULT_TOP = 10

_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


def read_gold(paths: Sequence[Path]) -> list[AnnotatedPage]:
    """All pages of the gold files, in order; a malformed file is a ClickException naming file:line.

    Page ids must be unique: predictions are matched to gold pages by id.
    """
    pages: list[AnnotatedPage] = []
    seen: dict[str, Path] = {}
    for path in paths:
        try:
            for page in read_annotated(path):
                if page.id in seen:
                    raise click.ClickException(f"{path}: page id {page.id!r} occurs twice (also in {seen[page.id]})")
                seen[page.id] = path
                pages.append(page)
        except AnnotationError as err:
            raise click.ClickException(str(err)) from None
        except (OSError, UnicodeDecodeError) as err:
            raise click.ClickException(f"{path}: cannot read ({err})") from None
    return pages


def segment_pages(segmenter: object, pages: Sequence[AnnotatedPage]) -> dict[str, list]:
    """Segment every page (an HTML page through its DOM's blocks), with the tool's progress line on stderr
    when it is a terminal."""
    progress, stats = Progress(total=len(pages)), RunStats()
    predicted = {}
    segmented = segmenter.segment_blocks_many((p.text, page_blocks(p)) for p in pages)  # type: ignore[attr-defined]
    try:
        for page, segments in zip(pages, segmented, strict=True):
            predicted[page.id] = segments
            stats.pages += 1
            stats.segmented += 1
            stats.chars += len(page.text)
            progress.update(stats)
    finally:
        progress.close()
    return predicted


@click.command()
@click.argument("gold", nargs=-1, required=True, type=_FILE)
@model_option
@click.option("--predictions", "-p", type=_FILE,
              help="Score this prediction JSONL (one {id, segments} object per page) instead of a model.")
@click.option("--errors", "show_errors", is_flag=True,
              help="Also list the worst pages and their mislabelled lines.")
@click.option("--top", type=click.IntRange(min=1), default=DEFAULT_TOP, show_default=True,
              help="How many worst pages --errors lists.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON document.")
@click.option("--min-macro-f1", type=click.FloatRange(0, 1),
              help="Exit with status 1 when the macro-F1 is below this or a page has no prediction.")
def evaluate(gold: tuple[Path, ...], model: Path | None, predictions: Path | None, show_errors: bool,
             top: int, as_json: bool, min_macro_f1: float | None) -> None:
    """Score segmentations of GOLD pages (annotated JSONL) against their annotation.

    Scores count non-white-space characters: per-label precision, recall and F1, character accuracy,
    page-mean accuracy and the macro-F1 over news, press_release and opinion. Pk and WindowDiff are
    computed over lines, and a reliability table checks the segment scores.

    Example:

        segmenter evaluate dev.jsonl --model model.npz --errors --top 5
    """
    if model is not None and predictions is not None:
        raise click.UsageError("give --model or --predictions, not both")
    pages = read_gold(gold)
    if predictions is not None:
        try:
            predicted = read_predictions(predictions)
        except AnnotationError as err:
            raise click.ClickException(str(err)) from None
        except (OSError, UnicodeDecodeError) as err:
            raise click.ClickException(f"{predictions}: cannot read ({err})") from None
    else:
        predicted = segment_pages(load_segmenter(model), pages)
    evaluation = evaluate_pages(pages, predicted)
    errors = error_listing(pages, predicted, evaluation.scores, top) if show_errors else None
    click.echo(render_json(evaluation, errors) + "\n" if as_json else render_text(evaluation, errors), nl=False)
    report = evaluation.scores
    if min_macro_f1 is not None and not report.passes(min_macro_f1):
        reason = (f"no prediction for {len(report.missing)} of {len(report.pages)} pages" if report.missing
                  else f"macro-F1 {report.macro_f1:.3f} is below {min_macro_f1}")
        click.echo(f"evaluate: bar missed: {reason}", err=True)
        click.get_current_context().exit(1)
