"""``segmenter show``: a page segmented, in the terminal (one colour per label) or as an HTML file."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import click

from segmenter import __version__
from segmenter.cli.common import load_segmenter, model_option
from segmenter.views.page_input import InputPage, read_page
from segmenter.views.summary import non_space

page_argument = click.argument("page", type=click.Path(dir_okay=False, allow_dash=True))
id_option = click.option("--id", "page_id", help="The record to use when PAGE is a JSONL dump  [default: its first]")
color_option = click.option(
    "--color/--no-color", default=None,
    help="Colour the output  [default: on a terminal, unless NO_COLOR is set]",
)


def resolve_color(color: bool | None) -> bool | None:
    """``--color``/``--no-color`` if given, else off when ``NO_COLOR`` is set, else click decides (tty)."""
    if color is None and os.environ.get("NO_COLOR"):
        return False
    return color


def load_page(path: str, page_id: str | None) -> InputPage:
    """The page to work on; an unreadable or missing one is a one-line ClickException."""
    try:
        return read_page(path, page_id)
    except (ValueError, ImportError) as err:
        raise click.ClickException(str(err)) from None


def annotated_page(path: str, page_id: str | None, label_map: str | None) -> tuple[InputPage, list]:
    """A page of an annotation export and its spans as segments; problems are one-line ClickExceptions."""
    from segmenter.formats import page_segments, read_pages
    from segmenter.pages import AnnotationError

    try:
        for page in read_pages(path, label_map=label_map):
            if page_id is None or page.id == page_id:
                return InputPage(page.id, page.text), page_segments(page)
    except (AnnotationError, ValueError) as err:
        raise click.ClickException(str(err)) from None
    raise click.ClickException(f"{path}: no annotated page with id {page_id!r}" if page_id else f"{path}: no page")


def segment_page(segmenter: object, page: InputPage) -> list:
    """Segments of ``page``, using its DOM blocks when it came from HTML."""
    if page.blocks is not None:
        return segmenter.segment_blocks(page.text, page.blocks)  # type: ignore[attr-defined]
    return segmenter.segment(page.text)  # type: ignore[attr-defined]


@click.command()
@page_argument
@model_option
@id_option
@click.option("--html", "html_out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write a standalone HTML view to this file instead of printing.")
@click.option("--annotated", is_flag=True,
              help="PAGE is an annotation export (doccano, Label Studio, Prodigy, ours): show its spans.")
@click.option("--label-map", help="With --annotated: THEIRS=ours label pairs (NEWS=news,PR=press_release) or a file.")
@color_option
@click.option("--width", type=click.IntRange(min=0),
              help="Wrap lines at this many columns, 0 never  [default: the terminal's width]")
def show(page: str, model: Path | None, page_id: str | None, html_out: Path | None, annotated: bool,
         label_map: str | None, color: bool | None, width: int | None) -> None:
    """Show PAGE segmented: each label in its colour, a legend and per-label totals.

    PAGE is a text or HTML file, a JSONL or WARC dump (choose the record with --id; default: the
    first), or - for standard input. The gutter names the label and confidence where each segment
    starts, so the view reads the same without colour. With --html, writes one self-contained page
    instead: segments highlighted, label and score on hover, a legend that shows one label alone.

    With --annotated, PAGE is your annotation export (doccano, Label Studio, Prodigy or ours) and
    the view shows its spans (score 1.00) rather than the model's: a check of an import and its
    --label-map before training on it.

    Example:

        segmenter show thread.txt

        segmenter show thread.txt --html thread.html

        segmenter show export.jsonl --annotated --id 17 --label-map NEWS=news,PR=press_release
    """
    if annotated:
        input_page, segments = annotated_page(page, page_id, label_map)
    else:
        input_page = load_page(page, page_id)
        segments = segment_page(load_segmenter(model), input_page)
    title = input_page.id if page_id or annotated else ("standard input" if page == "-" else Path(page).name)
    if html_out is not None:
        from segmenter.views.html_page import render_html

        facts = (f"{len(segments)} segments · {non_space(input_page.text):,} non-space characters · "
                 f"{'annotation' if annotated else 'model ' + (model.name if model else 'bundled')} · "
                 f"segmenter {__version__}")
        html_out.write_text(render_html(title, input_page.text, segments, facts), encoding="utf-8")
        click.echo(f"wrote {html_out} ({len(segments)} segments)", err=True)
        return
    from segmenter.views.terminal import render_view

    columns = shutil.get_terminal_size((100, 24)).columns if width is None else width
    click.echo(render_view(title, input_page.text, segments, columns), color=resolve_color(color))
