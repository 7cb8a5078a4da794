"""``segmenter train``: fit a model from annotated pages and/or pages composed from a corpus."""

from __future__ import annotations

from pathlib import Path

import click

from segmenter.classifier import BlockClassifier
from segmenter.formats import FORMATS, read_pages
from segmenter.labels import LABELS
from segmenter.pages import AnnotationError
from segmenter.train import REAL_WEIGHT, TrainingSource, train_segmenter

_DEFAULTS = BlockClassifier().get_params()
_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)

def weighted_path(argument: str, default: float) -> tuple[Path, float]:
    """Split ``FILE`` or ``FILE=WEIGHT`` into the path and its weight."""
    path, _, weight = argument.rpartition("=")
    if path and not Path(argument).exists():
        try:
            return Path(path), float(weight)
        except ValueError:
            pass
    return Path(argument), default


def dev_scores(segmenter, paths: tuple[Path, ...]) -> dict:
    """Score ``segmenter`` on each gold file; the figures go into the model card."""
    from segmenter.cli.evaluate_cmd import read_gold, segment_pages
    from segmenter.evaluation import evaluate_pages

    scores = {}
    for path in paths:
        pages = read_gold([path])
        report = evaluate_pages(pages, segment_pages(segmenter, pages)).to_json()
        report.pop("page_accuracy", None)
        scores[path.name] = report
        click.echo(f"{path.name}: macro-F1 {report['macro_f1']:.3f}, accuracy {report['accuracy']:.3f}", err=True)
    return scores


@click.command()
@click.argument("pages", nargs=-1)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Where to write the model file (.npz).")
@click.option("--format", "page_format", type=click.Choice(["auto", *FORMATS]), default="auto", show_default=True,
              help="Format of PAGES: annotated-page JSONL or a doccano, Label Studio or Prodigy export.")
@click.option("--label-map", help="Rename your labels, e.g. 'NEWS=news,PR=press_release' (or a file of such lines).")
@click.option("--fill-label", type=click.Choice(LABELS), help="Label for text your annotations leave uncovered.")
@click.option("--corpus", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="A corpus folder (news/, press_release/, opinion/ of *.jsonl.gz) to compose training pages from.")
@click.option("--composed", default=2000, show_default=True, help="How many pages to compose from --corpus.")
@click.option("--seed", default=0, show_default=True, help="Seed of the page composer.")
@click.option("--html-share", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Also compose about this share of --composed as HTML forum pages, so that the model learns "
                   "the structure an HTML page's DOM gives (quote and post containers, classes, link density).")
@click.option("--real-weight", default=REAL_WEIGHT, show_default=True,
              help="Weight of a block of an annotated page, relative to a block of a composed page; "
                   "FILE=WEIGHT sets it for one file.")
@click.option("--C", "C", default=_DEFAULTS["C"], show_default=True, help="Inverse regularisation of stage one.")
@click.option("--stack/--no-stack", default=_DEFAULTS["stack"], show_default=True,
              help="Train the second stage over neighbourhood probabilities.")
@click.option("--jobs", default=1, show_default=True, help="Processes for the out-of-fold fits.")
@click.option("--dev", "dev", multiple=True, type=_FILE,
              help="Gold pages to score the new model on; the scores are stored in its model card. Repeatable.")
def train(pages: tuple[str, ...], output: Path, page_format: str, label_map: str | None, fill_label: str | None,
          corpus: Path | None, composed: int, seed: int, html_share: float, real_weight: float, C: float,
          stack: bool, jobs: int, dev: tuple[Path, ...]) -> None:
    """Fit a model from annotated PAGES and/or pages composed from a --corpus folder.

    PAGES are JSONL files in the annotation contract's format, or exports of doccano, Label Studio
    or Prodigy (detected, or named with --format). Write FILE=WEIGHT to weigh one file's pages
    differently from --real-weight.

    Example:

        segmenter train ../shared/gold/train.jsonl --corpus ../shared/corpus -o models/mine.npz
    """
    sources = []
    try:
        for argument in pages:
            path, weight = weighted_path(argument, real_weight)
            if not path.is_file():
                raise click.BadParameter(f"{path}: no such file", param_hint="PAGES")
            read = read_pages(path, page_format, label_map, fill_label=fill_label,
                              on_skip=lambda message: click.echo(message, err=True))
            sources.append(TrainingSource(path.name, list(read), weight))
    except (AnnotationError, ValueError) as err:
        raise click.ClickException(str(err)) from None
    if corpus is not None and composed > 0:
        from segmenter.compose import compose_pages

        pages_composed = list(compose_pages(corpus, composed, seed, html_share=html_share))
        sources.append(TrainingSource(f"composed:{corpus.name}", pages_composed, 1.0))
    if not sources:
        raise click.UsageError("give annotated PAGES, a --corpus to compose pages from, or both")
    click.echo(f"training on {sum(len(s.pages) for s in sources)} pages ...", err=True)
    params = {"C": C, "stack": stack, "n_jobs": jobs}
    try:
        segmenter = train_segmenter(sources, params, {"composer_seed": seed, "composed_pages": composed,
                                                      "composed_html_share": html_share})
    except ValueError as err:
        raise click.ClickException(str(err)) from None
    segmenter.model.set_params(n_jobs=None)
    if dev:
        segmenter.metadata["dev_scores"] = dev_scores(segmenter, dev)
    segmenter.save(output)
    click.echo(f"wrote {output}", err=True)
