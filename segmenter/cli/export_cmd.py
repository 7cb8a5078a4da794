"""``segmenter export``: segment pages and write them for an annotation tool, to correct and retrain."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click

from segmenter.cli.common import load_segmenter, model_option
from segmenter.cli.show_cmd import segment_page
from segmenter.formats import FORMATS, parse_label_map, predicted_page, write_pages
from segmenter.formats.labelstudio import label_config
from segmenter.io.sources import check_inputs
from segmenter.pages import AnnotatedPage
from segmenter.views.page_input import iter_pages


def _predicted(segmenter: object, inputs: tuple[str, ...], failures: list[str]) -> Iterator[AnnotatedPage]:
    for page in iter_pages(inputs):
        if isinstance(page, ValueError):
            failures.append(str(page))
            click.echo(f"export: skipped {page}", err=True)
            continue
        yield predicted_page(page.id, page.text, segment_page(segmenter, page))


@click.command()
@click.argument("pages", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--format", "-f", "fmt", type=click.Choice(sorted(FORMATS)), required=True,
              help="The annotation tool to write for (segmenter: our annotated-page JSONL).")
@click.option("-o", "--output", default="-", show_default=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="Where to write; - is standard output.")
@model_option
@click.option("--label-map", help="Rename labels to yours: THEIRS=ours pairs (NEWS=news,PR=press_release) or a file.")
@click.option("--as", "target", type=click.Choice(["predictions", "annotations"]), default="predictions",
              show_default=True, help="Label Studio: write the segments as predictions or as annotations.")
@click.option("--label-config", "config_out", type=click.Path(dir_okay=False, path_type=Path),
              help="Label Studio: also write the labelling config (XML) the tasks fit.")
def export(pages: tuple[str, ...], fmt: str, output: str, model: Path | None, label_map: str | None,
           target: str, config_out: Path | None) -> None:
    """Segment PAGES and write them for doccano, Label Studio or Prodigy.

    PAGES are text or HTML files, folders of them, JSONL dumps of {"id", "text"} records or WARC
    dumps (- is standard input). Each page's segments become the tool's spans (Label Studio:
    predictions with scores), so you can correct the model's output in your tool, export it, and
    train on it with `segmenter train`. Pages that cannot be read are reported on stderr, and the
    exit status is then 1.

    Example:

        segmenter export pages.jsonl --format labelstudio -o tasks.json --label-config config.xml
    """
    try:
        labels = parse_label_map(label_map)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="--label-map") from None
    try:
        check_inputs(pages)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="PAGES") from None
    segmenter = load_segmenter(model)
    failures: list[str] = []
    count = write_pages(_predicted(segmenter, pages, failures), output, fmt, label_map=labels,
                        as_predictions=target == "predictions")
    click.echo(f"export: wrote {count} pages ({fmt}) to {output}", err=True)
    if config_out is not None:
        config_out.write_text(label_config(labels), encoding="utf-8")
        click.echo(f"export: wrote the Label Studio labelling config to {config_out}", err=True)
    if failures:
        click.get_current_context().exit(1)
