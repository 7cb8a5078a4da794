"""Pieces every command shares: the model option and loading a model with a one-line error."""

from __future__ import annotations

from pathlib import Path

import click

#: ``--model``/``-m``: a model file; the bundled model when omitted.
model_option = click.option(
    "--model", "-m", type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Model file (.npz)  [default: the bundled model]",
)


class ModelUnusable(click.ClickException):
    """The model file cannot be used: exit status 2, as for a usage error, since nothing was done."""

    exit_code = 2


def load_segmenter(model: Path | None):
    """The segmenter stored at ``model`` (the bundled one when ``None``); an unusable file exits with 2."""
    from segmenter.model_io import ModelError
    from segmenter.segmenter import Segmenter

    try:
        return Segmenter.load(model)
    except ModelError as err:
        raise ModelUnusable(str(err)) from None
