"""Post bodies in HTML: the user's lines, pasted documents, links and quotes, as forum software writes them.

BBCode forums (XenForo, vBulletin, phpBB, Something Awful) write a post as text lines separated by
``<br>``; rich-text forums (Discourse, Invision, blogs) write one ``<p>`` a paragraph. A pasted
document sits in the body like the user's own words, sometimes inside an unattributed quote box, so
that neither the container nor the markup tells its label: the text has to.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass

from segmenter.compose import phrases
from segmenter.compose.markup.writer import HtmlWriter
from segmenter.compose.model import Para, Part

QuoteWriter = Callable[[HtmlWriter, Part, "BodyMarkup"], None]

_URL = re.compile(r"(?:https?://|www\.)\S+")

#: Chances (one drawn per page) that a pasted document sits in an unattributed quote box: in the annotated
#: real pages, about one paste in six follows a quote header; most are pasted as plain post text.
PASTE_IN_QUOTE = (0.05, 0.15, 0.3)


@dataclass(frozen=True)
class BodyMarkup:
    """How one forum software writes a post body.

    ``paragraphs`` is ``"br"`` (lines separated by ``<br>``) or ``"p"`` (one ``<p>`` a paragraph);
    ``quote`` writes a quote box; ``paste_in_quote`` is the chance that a pasted document is put in an
    unattributed quote box; ``gap`` the chance of a blank line between ``<br>`` lines; ``link_cls`` the
    class of links in posts.
    """

    paragraphs: str
    quote: QuoteWriter
    paste_in_quote: float = 0.3
    gap: float = 0.6
    link_cls: str = ""


def write_line(w: HtmlWriter, text: str, label: str, link_cls: str = "") -> None:
    """One line of text, its URLs written as links (forums link them automatically)."""
    position = 0
    for match in _URL.finditer(text):
        w.text(text[position : match.start()], label)
        url = match.group(0)
        w.link(url, url if url.startswith("http") else f"http://{url}", label, link_cls, rel="nofollow")
        position = match.end()
    w.text(text[position:], label)


def _headline(paras: list[Para]) -> bool:
    first = paras[0].text.strip() if paras else ""
    return 0 < len(first) <= 140 and not first.endswith((".", ":", "?", "!", '"'))


def write_paras(w: HtmlWriter, paras: list[Para], markup: BodyMarkup, paste: bool = False) -> None:
    """Paragraphs in the body's markup; a pasted document's headline is set in bold or as a heading."""
    rng = w.rng
    bold_first = paste and _headline(paras) and rng.random() < 0.6
    for k, para in enumerate(paras):
        text = para.text.strip()
        if markup.paragraphs == "br":
            if not text:
                w.br()
                continue
            if bold_first and k == 0:
                with w.el(rng.choice(("b", "strong", "span")), style=None if rng.random() < 0.7 else "font-size: 18px"):
                    write_line(w, text, para.label, markup.link_cls)
            else:
                write_line(w, text, para.label, markup.link_cls)
            w.br(2 if rng.random() < markup.gap else 1)
        elif text:
            if bold_first and k == 0:
                tag = rng.choice(("h2", "h3", "h4", "p"))
                with w.el(tag), w.el("strong") if tag == "p" else nullcontext():
                    write_line(w, text, para.label, markup.link_cls)
            else:
                with w.el("p"):
                    write_line(w, text, para.label, markup.link_cls)


def write_quote_inner(w: HtmlWriter, part: Part, markup: BodyMarkup) -> None:
    """The quoted paragraphs of a quote part (nested quotes left out, as most forums do)."""
    for inner in part.inner:
        if inner.kind != "quote":
            write_paras(w, inner.paras, markup, paste=inner.kind == "paste")


def write_link(w: HtmlWriter, part: Part, markup: BodyMarkup) -> None:
    """A link part: the URL or link title as a link."""
    for para in part.paras:
        text = para.text.strip()
        if not text:
            continue
        href = text if text.startswith("http") else "https://example.org/" + "-".join(text.lower().split()[:6])
        if markup.paragraphs == "p":
            with w.el("p"):
                w.link(text, href, para.label, markup.link_cls, rel="nofollow noopener", target="_blank")
        else:
            w.link(text, href, para.label, markup.link_cls, rel="nofollow noopener", target="_blank")
            w.br(2 if w.rng.random() < markup.gap else 1)


def write_body(w: HtmlWriter, parts: list[Part], markup: BodyMarkup) -> None:
    """A post body: each part in order, quotes through the software's quote box."""
    for part in parts:
        if part.kind == "quote":
            markup.quote(w, part, markup)
        elif part.kind == "link":
            write_link(w, part, markup)
        elif part.kind == "paste" and w.rng.random() < markup.paste_in_quote:
            markup.quote(w, Part("quote", inner=[part]), markup)
        else:
            write_paras(w, part.paras, markup, paste=part.kind == "paste")


def signature_lines(w: HtmlWriter, chance: float) -> list[str]:
    """A signature (one or two chrome lines) with probability ``chance``, else none."""
    rng = w.rng
    if rng.random() >= chance:
        return []
    return rng.sample(phrases.SIGNATURE_QUIPS, rng.choice((1, 1, 2)))
