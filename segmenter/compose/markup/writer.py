"""An HTML writer that labels every piece of visible text it writes.

Forum renderers write markup through :class:`HtmlWriter`; the text pieces it records, in document
order and with their labels, are what :mod:`segmenter.compose.html_render` aligns to the text that
:func:`segmenter.html.html_to_page` extracts, so that the page's labels come out exact.
"""

from __future__ import annotations

import html
import random
import re
from collections.abc import Iterator
from contextlib import contextmanager

from segmenter.html.tags import BLOCK_TAGS
from segmenter.labels import BOILERPLATE

#: Characters a parser drops or replaces in text (controls other than white space, surrogates).
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

#: Class names of layout and theme helpers that carry no meaning; sprinkled at random on containers
#: so that no class name of the forum software becomes a perfect proxy of a label.
THEME_CLASSES = (
    "clearfix", "row", "container", "wrapper", "inner", "box", "panel", "card", "section", "col-md-8",
    "col-sm-12", "flex", "grid", "is-active", "is-expanded", "js-toggle", "u-concealed", "floatcontainer",
    "main", "content", "block", "theme-dark", "th-wide", "uix-container", "has-border", "pad", "mb-2",
)


def safe_text(text: str) -> str:
    """``text`` without the characters an HTML parser would drop or replace (they become spaces)."""
    return _UNSAFE.sub(" ", text)


def _attribute_name(name: str) -> str:
    """``data_user_id`` -> ``data-user-id``; a trailing underscore is dropped (``for_`` -> ``for``)."""
    return name.rstrip("_").replace("_", "-")


class HtmlWriter:
    """Collects HTML markup and the labelled visible text in it.

    ``noise`` is the chance that a container written with a class also gets one of the page's
    :data:`THEME_CLASSES`.
    """

    def __init__(self, rng: random.Random, noise: float = 0.15) -> None:
        self.rng = rng
        self.noise = noise
        self.theme = rng.sample(THEME_CLASSES, 4)
        self._parts: list[str] = []
        self.pieces: list[tuple[str, str]] = []

    # -- markup ---------------------------------------------------------------------------------------

    def _start_tag(self, tag: str, cls: str, attrs: dict[str, object]) -> str:
        if cls and self.noise and self.rng.random() < self.noise:
            cls = f"{cls} {self.rng.choice(self.theme)}"
        out = [tag]
        if cls:
            out.append(f'class="{html.escape(cls)}"')
        for name, value in attrs.items():
            if value is None or value is False:
                continue
            name = _attribute_name(name)
            out.append(name if value is True else f'{name}="{html.escape(str(value))}"')
        return "<" + " ".join(out) + ">"

    def open(self, tag: str, cls: str = "", **attrs: object) -> None:
        """Write a start tag (``cls`` is the class attribute; ``data_x=`` writes ``data-x=``)."""
        self._parts.append(self._start_tag(tag, cls, attrs))

    def close(self, tag: str) -> None:
        """Write an end tag (a new line after a block element's, for readable markup)."""
        self._parts.append(f"</{tag}>\n" if tag in BLOCK_TAGS else f"</{tag}>")

    @contextmanager
    def el(self, tag: str, cls: str = "", **attrs: object) -> Iterator[None]:
        """An element around what the ``with`` block writes."""
        self.open(tag, cls, **attrs)
        yield
        self.close(tag)

    def void(self, tag: str, cls: str = "", **attrs: object) -> None:
        """An element without content (``br``, ``hr``, ``img``, ``input``)."""
        self._parts.append(self._start_tag(tag, cls, attrs))

    def br(self, count: int = 1) -> None:
        """``count`` line breaks."""
        self._parts.append("<br>" * count + "\n")

    def raw(self, markup: str) -> None:
        """Markup that holds no visible text (a script, a comment, an icon)."""
        self._parts.append(markup)

    # -- text -----------------------------------------------------------------------------------------

    def text(self, text: str, label: str) -> None:
        """Visible text with its label (escaped here)."""
        text = safe_text(text)
        if text.strip():
            self.pieces.append((text, label))
        self._parts.append(html.escape(text, quote=False))

    def leaf(self, tag: str, text: str, label: str = BOILERPLATE, cls: str = "", **attrs: object) -> None:
        """``<tag>text</tag>``."""
        self.open(tag, cls, **attrs)
        self.text(text, label)
        self.close(tag)

    def link(self, text: str, href: str = "#", label: str = BOILERPLATE, cls: str = "", **attrs: object) -> None:
        """``<a href=...>text</a>``."""
        self.open("a", cls, href=href, **attrs)
        self.text(text, label)
        self._parts.append("</a>")

    def chrome_list(self, items: list[str], ul_cls: str = "", li_cls: str = "", links: bool = True,
                    tag: str = "ul") -> None:
        """A list of chrome entries (links by default), one ``li`` each."""
        with self.el(tag, ul_cls):
            for item in items:
                with self.el("li", li_cls):
                    if links:
                        self.link(item, f"/{slug(item)}/")
                    else:
                        self.text(item, BOILERPLATE)

    def markup(self) -> str:
        """The HTML written so far."""
        return "".join(self._parts)


def slug(text: str, words: int = 8) -> str:
    """A URL slug of ``text`` (``"Ferry resumes!"`` -> ``"ferry-resumes"``)."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())[:words]) or "page"
