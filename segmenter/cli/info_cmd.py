"""``segmenter info``: the model card of a model file (the bundled one by default)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from segmenter.cli.common import load_segmenter


@click.command()
@click.argument("model", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the card as one JSON object.")
def info(model: Path | None, as_json: bool) -> None:
    """Show the model card of MODEL (default: the bundled model).

    The card is stored in the model file: format version, labels, features, the training data
    (sources, page and block counts, seed), dev scores when training recorded them, and the
    segmenter, scikit-learn and Python versions it was trained with, plus the file's size.

    Example:

        segmenter info models/mine.npz --json
    """
    from segmenter.model_io import default_model_path

    segmenter = load_segmenter(model)
    path = model if model is not None else default_model_path()
    size = path.stat().st_size
    metadata = dict(segmenter.metadata)  # type: ignore[attr-defined]
    if as_json:
        click.echo(json.dumps({"path": str(path), "size_bytes": size, **metadata}, ensure_ascii=False, indent=1))
        return
    from segmenter.views.model_card import render_model_card

    click.echo(render_model_card(metadata, str(path), size))
