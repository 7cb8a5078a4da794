"""Compose realistic labelled forum pages from the corpus of pure documents.

>>> from segmenter.compose import compose_pages
>>> pages = list(compose_pages("../shared/corpus", 100, seed=0))   # doctest: +SKIP

A page is a thread (or a Usenet message) built from real users' posts, pasted news articles and
official releases, rendered in one forum style with generated chrome (usernames, dates, counts,
headers, signatures). Every character is labelled per the annotation contract. Modern styles are
also cut into ~2,000-character slices at arbitrary points, like the modern evaluation pages.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

from segmenter.compose.composer import Setting, ThreadComposer
from segmenter.compose.corpus import Corpus
from segmenter.compose.messages import compose_message
from segmenter.compose.model import Thread
from segmenter.compose.page import PageBuilder, slice_page
from segmenter.compose.styles import STYLES, Style, resolve
from segmenter.pages import AnnotatedPage

#: Share of pages of a modern style that are cut into a slice.
SLICE_SHARE = 0.65
#: Typical slice length (characters), as in the modern evaluation pages.
SLICE_CHARS = 2000
#: Pages shorter than this are composed again.
MIN_CHARS = 350

__all__ = ["SLICE_CHARS", "SLICE_SHARE", "STYLES", "Corpus", "compose_page", "compose_pages", "compose_thread"]


def compose_thread(corpus: Corpus, rng: random.Random, setting: Setting, raw: bool = False) -> Thread:
    """A thread (or, for a single-message setting, a Usenet message) drawn with ``rng``."""
    composer = ThreadComposer(corpus, rng, setting)
    return compose_message(composer) if setting.single_message else composer.thread(raw=raw)


def compose_page(corpus: Corpus, style: Style, rng: random.Random, page_id: str,
                 slice_share: float = SLICE_SHARE) -> AnnotatedPage:
    """One labelled page in ``style`` (sliced with probability ``slice_share`` when the style is modern).

    A page shorter than :data:`MIN_CHARS` is composed again (up to three tries): real pages are not
    one-liners.
    """
    for _ in range(3):
        thread = compose_thread(corpus, rng, style.setting, raw=style.raw)
        builder = PageBuilder()
        style.render(thread, rng, builder)
        page = builder.build(page_id, source=f"composed:{style.name}",
                             meta={"style": style.name, "docs": thread.doc_ids, "sliced": False})
        if len(page.text) >= MIN_CHARS:
            break
    if style.modern and rng.random() < slice_share:
        size = rng.randint(1960, SLICE_CHARS + 1) if rng.random() < 0.8 else rng.randint(400, 1960)
        page = slice_page(page, rng, size, keep_start=rng.random() < 0.15)
    return page


def compose_pages(corpus_dir: str | Path | Corpus, n: int, seed: int = 0,
                  styles: str | list[str] | tuple[str, ...] | None = None,
                  slice_share: float = SLICE_SHARE) -> Iterator[AnnotatedPage]:
    """Yield ``n`` composed, labelled pages (lazily); the same ``seed`` gives the same pages.

    ``corpus_dir`` is the corpus folder (``news/``, ``press_release/``, ``opinion/`` with
    ``*.jsonl.gz``) or a loaded :class:`Corpus`. ``styles`` restricts the forum styles (names from
    :data:`STYLES`, a list or a comma-separated string); by default every style at its default weight.
    Page ``i`` depends only on ``seed`` and ``i``. Raises ``ValueError`` for an unknown style.
    """
    chosen = resolve(styles)
    corpus = corpus_dir if isinstance(corpus_dir, Corpus) else Corpus(corpus_dir, seed=seed)
    return _pages(corpus, n, seed, chosen, slice_share)


def _pages(corpus: Corpus, n: int, seed: int, chosen: list[Style], slice_share: float) -> Iterator[AnnotatedPage]:
    weights = [s.weight for s in chosen]
    for index in range(n):
        rng = random.Random(f"compose:{seed}:{index}")
        style = rng.choices(chosen, weights)[0]
        yield compose_page(corpus, style, rng, f"composed-{seed}-{index:06d}-{style.name}", slice_share)
