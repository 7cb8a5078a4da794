"""``segmenter compose``: write labelled training pages composed from the corpus."""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path

import click

from segmenter.compose import HTML_STYLES, SLICE_SHARE, STYLES, Corpus, compose_pages


@click.command()
@click.argument("corpus_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-n", "count", type=click.IntRange(min=1), default=500, show_default=True,
              help="How many pages to compose.")
@click.option("--seed", type=int, default=0, show_default=True,
              help="Random seed; the same seed and corpus give the same pages.")
@click.option("--styles", default=None, metavar="NAME[,NAME...]",
              help=f"Forum styles to use (default: all at their default weights): {', '.join(STYLES)}.")
@click.option("--slice-share", type=click.FloatRange(0, 1), default=SLICE_SHARE, show_default=True,
              help="Share of modern-style pages cut into ~2,000-character slices.")
@click.option("--html-share", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help=f"Also compose about this share of -n as HTML pages, as the forum software serves them "
                   f"(styles {', '.join(HTML_STYLES)}); such a record carries its 'html', and its 'text' is "
                   "the page's extracted text.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Annotated JSONL to write  [default: stdout]")
def compose(corpus_dir: Path, count: int, seed: int, styles: str | None, slice_share: float, html_share: float,
            output: Path | None) -> None:
    """Compose labelled forum pages from the pure documents in CORPUS_DIR.

    CORPUS_DIR holds news/, press_release/ and opinion/ folders of *.jsonl.gz documents. Each page is a
    thread or a Usenet message in one forum style, with pasted news and releases, users' posts and
    generated chrome, written as one annotated JSON object a line.

    Example:

    \b
        segmenter compose ../shared/corpus -n 2000 --seed 0 -o composed.jsonl --styles usenet,xenforo
        segmenter compose ../shared/corpus -n 200 --html-share 0.25 -o with-html.jsonl
    """
    corpus = Corpus(corpus_dir, seed=seed)
    if not corpus.has_files():
        raise click.ClickException(f"{corpus_dir}: no *.jsonl.gz files under news/, press_release/ or opinion/")
    try:
        pages = compose_pages(corpus, count, seed=seed, styles=styles, slice_share=slice_share,
                              html_share=html_share)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="--styles") from None
    try:
        with contextlib.ExitStack() as stack:
            handle = stack.enter_context(output.open("w", encoding="utf-8")) if output else sys.stdout
            show = sys.stderr.isatty()
            bar = stack.enter_context(click.progressbar(length=count, label="composing", file=sys.stderr)) \
                if show else None
            written = 0
            for page in pages:
                handle.write(json.dumps(page.to_json(), ensure_ascii=False) + "\n")
                written += 1
                if bar is not None:
                    bar.update(1)
    except OSError as err:
        raise click.ClickException(f"{output or 'stdout'}: cannot write ({err.strerror or err})") from None
    if output:
        click.echo(f"wrote {written} pages to {output}", err=True)
