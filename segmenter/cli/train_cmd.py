"""``segmenter train``: fit a model from annotated pages and/or pages composed from a corpus."""

from __future__ import annotations

from pathlib import Path

import click

from segmenter.classifier import BlockClassifier
from segmenter.pages import AnnotationError, read_annotated
from segmenter.train import TrainingSource, train_segmenter

_DEFAULTS = BlockClassifier().get_params()


@click.command()
@click.argument("pages", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Where to write the model file (.npz).")
@click.option("--corpus", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="A corpus folder (news/, press_release/, opinion/ of *.jsonl.gz) to compose training pages from.")
@click.option("--composed", default=2000, show_default=True, help="How many pages to compose from --corpus.")
@click.option("--seed", default=0, show_default=True, help="Seed of the page composer.")
@click.option("--real-weight", default=3.0, show_default=True,
              help="Weight of a block of an annotated page, relative to a block of a composed page.")
@click.option("--C", "C", default=_DEFAULTS["C"], show_default=True, help="Inverse regularisation of stage one.")
@click.option("--stack/--no-stack", default=_DEFAULTS["stack"], show_default=True,
              help="Train the second stage over neighbourhood probabilities.")
def train(pages: tuple[Path, ...], output: Path, corpus: Path | None, composed: int, seed: int,
          real_weight: float, C: float, stack: bool) -> None:
    """Fit a model from annotated PAGES (JSONL of the annotation contract) and/or a corpus.

    Example:

        segmenter train ../shared/gold/train.jsonl --corpus ../shared/corpus -o models/mine.npz
    """
    sources = []
    try:
        for path in pages:
            sources.append(TrainingSource(path.name, list(read_annotated(path)), real_weight))
    except AnnotationError as err:
        raise click.ClickException(str(err)) from None
    if corpus is not None and composed > 0:
        from segmenter.compose import compose_pages

        sources.append(TrainingSource(f"composed:{corpus.name}", list(compose_pages(corpus, composed, seed)), 1.0))
    if not sources:
        raise click.UsageError("give annotated PAGES, a --corpus to compose pages from, or both")
    click.echo(f"training on {sum(len(s.pages) for s in sources)} pages ...", err=True)
    try:
        segmenter = train_segmenter(sources, {"C": C, "stack": stack}, {"composer_seed": seed})
    except ValueError as err:
        raise click.ClickException(str(err)) from None
    segmenter.save(output)
    click.echo(f"wrote {output}", err=True)
