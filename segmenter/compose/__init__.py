"""Compose realistic labelled forum pages from the corpus of pure documents.

>>> from segmenter.compose import compose_pages
>>> pages = list(compose_pages("../shared/corpus", 100, seed=0))   # doctest: +SKIP

A page is a thread (or a Usenet message) built from real users' posts, pasted news articles and
official releases, rendered in one forum style with generated chrome (usernames, dates, counts,
headers, signatures). Every character is labelled per the annotation contract. Modern styles are
also cut into ~2,000-character slices at arbitrary points, like the modern evaluation pages. HTML
pages can be added (``html_share``): threads rendered as the HTML page the forum software serves
(:mod:`segmenter.compose.html_render`), which keep their ``html`` and whose text is the text
:func:`segmenter.html.html_to_page` extracts, so that training sees the DOM's structure too.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

from segmenter.compose.composer import Setting, ThreadComposer
from segmenter.compose.corpus import Corpus
from segmenter.compose.html_render import HTML_STYLES, render_html_page
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

__all__ = ["HTML_STYLES", "SLICE_CHARS", "SLICE_SHARE", "STYLES", "Corpus", "compose_html_page", "compose_page",
           "compose_pages", "compose_thread"]


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


def compose_html_page(corpus: Corpus, style: Style, rng: random.Random, page_id: str) -> AnnotatedPage:
    """One labelled HTML page in ``style`` (a style with an HTML renderer, :data:`HTML_STYLES`), never sliced.

    Its sidebars and topic lists show titles of other corpus documents (chrome).
    """
    thread = compose_thread(corpus, rng, style.setting)
    related = [title for title in (_other_title(corpus, rng) for _ in range(rng.choice((0, 0, 3, 5, 8)))) if title]
    return render_html_page(thread, style.name, rng, page_id, related, source=f"composed-html:{style.name}",
                            meta={"style": style.name, "docs": thread.doc_ids, "sliced": False, "html": True})


def _other_title(corpus: Corpus, rng: random.Random) -> str:
    """The title of a news article or forum thread of the corpus, as sidebars and topic lists show them."""
    if rng.random() < 0.5:
        doc = corpus.news_doc(rng)
        return doc.title if doc else ""
    thread = corpus.debate_thread(rng)
    return thread.display_title if thread else ""


def compose_pages(corpus_dir: str | Path | Corpus, n: int, seed: int = 0,
                  styles: str | list[str] | tuple[str, ...] | None = None,
                  slice_share: float = SLICE_SHARE, html_share: float = 0.0) -> Iterator[AnnotatedPage]:
    """Yield ``n`` composed, labelled pages (and the HTML pages ``html_share`` adds), lazily; the same ``seed``
    gives the same pages.

    ``corpus_dir`` is the corpus folder (``news/``, ``press_release/``, ``opinion/`` with
    ``*.jsonl.gz``) or a loaded :class:`Corpus`. ``styles`` restricts the forum styles (names from
    :data:`STYLES`, a list or a comma-separated string); by default every style at its default weight.
    ``html_share`` adds HTML pages (:func:`compose_html_page`, in the chosen styles that have an HTML
    renderer): after page ``i``, one comes with probability ``html_share``, so about
    ``n * (1 + html_share)`` pages are yielded, and the text pages are those of ``html_share=0`` (taking
    the place of text pages instead, HTML pages cost the modern text scores).
    Page ``i`` (and the HTML page after it) depends only on ``seed`` and ``i``. Raises ``ValueError``
    for an unknown style.
    """
    chosen = resolve(styles)
    corpus = corpus_dir if isinstance(corpus_dir, Corpus) else Corpus(corpus_dir, seed=seed)
    return _pages(corpus, n, seed, chosen, slice_share, html_share)


def _pages(corpus: Corpus, n: int, seed: int, chosen: list[Style], slice_share: float,
           html_share: float) -> Iterator[AnnotatedPage]:
    weights = [s.weight for s in chosen]
    html_styles = [s for s in chosen if s.name in HTML_STYLES]
    html_weights = [HTML_STYLES[s.name].weight for s in html_styles]
    for index in range(n):
        rng = random.Random(f"compose:{seed}:{index}")
        style = rng.choices(chosen, weights)[0]
        yield compose_page(corpus, style, rng, f"composed-{seed}-{index:06d}-{style.name}", slice_share)
        html_rng = random.Random(f"compose-html:{seed}:{index}")
        if html_styles and html_rng.random() < html_share:
            style = html_rng.choices(html_styles, html_weights)[0]
            yield compose_html_page(corpus, style, html_rng, f"composed-{seed}-{index:06d}-{style.name}-html")
