"""Composed threads as the HTML pages forum software serves, labelled exactly.

A renderer of :mod:`segmenter.compose.markup` writes a :class:`~segmenter.compose.model.Thread` as
one forum software's real markup (XenForo, vBulletin, phpBB, Discourse, Invision, Something Awful,
and a news or blog article with its comment section), page chrome included. Every piece of visible
text it writes carries its label; the page's text is then what :func:`segmenter.html.html_to_page`
extracts, and the labels are carried over by aligning the pieces, in order, to that text's
non-white-space characters. The result is an :class:`~segmenter.pages.AnnotatedPage` with ``html``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass

from segmenter.compose.markup import article, awful, discourse, invision, phpbb, vbulletin, xenforo
from segmenter.compose.markup.writer import HtmlWriter
from segmenter.compose.model import Thread
from segmenter.html import html_to_page
from segmenter.pages import AnnotatedPage, Span

HtmlRenderer = Callable[[HtmlWriter, Thread, list[str]], None]


@dataclass(frozen=True, slots=True)
class HtmlStyle:
    """A forum style's HTML renderer and its share among HTML pages."""

    render: HtmlRenderer
    weight: float = 1.0


#: HTML renderers by the name of the text style (:data:`segmenter.compose.styles.STYLES`) they stand for.
HTML_STYLES: dict[str, HtmlStyle] = {
    "xenforo": HtmlStyle(xenforo.render, 1.5),
    "vbulletin": HtmlStyle(vbulletin.render, 1.2),
    "phpbb": HtmlStyle(phpbb.render, 1.0),
    "discourse": HtmlStyle(discourse.render, 1.0),
    "invision": HtmlStyle(invision.render, 1.0),
    "awful": HtmlStyle(awful.render, 1.0),
    "comments": HtmlStyle(article.render, 1.0),
}

_NON_SPACE = re.compile(r"\S")


class AlignmentError(ValueError):
    """The text extracted from a rendered page is not the text the renderer wrote (a renderer bug)."""


def label_spans(text: str, pieces: list[tuple[str, str]]) -> tuple[Span, ...]:
    """Spans of ``text`` labelled by ``pieces`` (``(written text, label)`` in document order).

    The non-white-space characters of ``text`` must be those of the pieces, in order; a span runs from
    the first to the last non-white-space character of consecutive pieces of one label. Raises
    :class:`AlignmentError` when they differ.
    """
    positions = [match.start() for match in _NON_SPACE.finditer(text)]
    written = "".join("".join(piece.split()) for piece, _ in pieces)
    if written != "".join(text[k] for k in positions):
        at = next((k for k, (a, b) in enumerate(zip(written, (text[p] for p in positions), strict=False)) if a != b),
                  min(len(written), len(positions)))
        raise AlignmentError(f"extracted text differs from the written text at non-space character {at}")
    spans: list[Span] = []
    index = 0
    for piece, label in pieces:
        count = len("".join(piece.split()))
        if not count:
            continue
        start, end = positions[index], positions[index + count - 1] + 1
        index += count
        if spans and spans[-1].label == label:
            spans[-1] = Span(spans[-1].start, end, label)
        else:
            spans.append(Span(start, end, label))
    return tuple(spans)


def render_html_page(thread: Thread, style: str, rng: random.Random, page_id: str, related: list[str] | None = None,
                     source: str = "", meta: dict | None = None) -> AnnotatedPage:
    """``thread`` as an HTML page of ``style`` (a key of :data:`HTML_STYLES`), labelled.

    ``related`` are titles the page's sidebars and lists may show (chrome). The page's ``text`` is
    ``html_to_page(page.html)[0]``. Raises ``KeyError`` for a style without an HTML renderer.
    """
    writer = HtmlWriter(rng)
    HTML_STYLES[style].render(writer, thread, list(related or []))
    markup = writer.markup()
    text, _ = html_to_page(markup)
    return AnnotatedPage(page_id, text, label_spans(text, writer.pieces), source, dict(meta or {}), html=markup)
