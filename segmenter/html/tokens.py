"""Structural tokens of a line of an HTML page: what contains it, what it is, how much is link.

Each element visited gives a `Context`, derived from its parent's in constant time, so a line's
tokens cost the same at any depth. `TOKENS` lists what a block's ``html`` tuple may hold.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain

from segmenter.html.tags import BLOCK_TAGS, HEADINGS, PLAIN_INLINE, PREFORMATTED

TOKENS = """
in:blockquote   inside a <blockquote>
in:quote        inside an element whose class or id contains "quote" (bbcode_quote, bbCodeQuote)
in:post         inside a post or comment container (class or id word post, postbody, message, comment, ...)
in:nav          inside <nav>, role=navigation, or a class or id such as nav, menu, breadcrumbs, pagination
in:header       inside <header>, role=banner or a header class or id
in:footer       inside <footer>, role=contentinfo or a footer or copyright class or id
in:aside        inside <aside>, role=complementary or a sidebar class or id
in:form         inside a <form>
in:list         inside a list item
in:table        inside a table cell
in:pre          inside <pre> or <textarea>
in:hidden       inside an element with the hidden attribute, aria-hidden=true or display:none
tag:<name>      the nearest block-level element (tag:p, tag:li, tag:td, tag:h2, ...), and any heading
tag:a           at least 80% of the line's characters are link text
linkdens:<0-4>  the share of link text, in fifths (0: under 20%, 4: 80% or more)
cls:<word>      a word of the class or id of the 3 nearest elements that have one (lowercased,
                split at -, _ and camelCase; at most 12 words)
"""

MAX_CLASS_ANCESTORS = 3
MAX_CLASS_WORDS = 12
#: How many elements with a new context a page remembers (see `Context`).
REMEMBERED = 10_000
#: Share of link characters from which a line counts as a link (``tag:a``).
LINK_LINE = 0.8

_LANDMARK_TAGS = {"nav": "nav", "header": "header", "footer": "footer", "aside": "aside", "form": "form"}
_ROLES = {"navigation": "nav", "banner": "header", "contentinfo": "footer", "complementary": "aside"}
_POST_WORDS = frozenset(
    {"post", "posts", "postbody", "postcontent", "postmessage", "message", "messages", "comment", "comments"}
    | {"reply", "replies", "cooked", "bbwrapper", "entry"}
)
_NAV_WORDS = frozenset({"pagination", "pager", "pagenav"})
_HEADER_WORDS = frozenset({"masthead", "banner", "topbar"})
#: The density key of a line without link text.
_NO_LINKS = (False, 0)
_CLASS_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


class _Page:
    """The contexts a page remembers: one per distinct value, at most `REMEMBERED` new ones."""

    __slots__ = ("contexts", "room")

    def __init__(self) -> None:
        self.contexts: dict[tuple, Context] = {}
        self.room = REMEMBERED

    def forget(self) -> None:
        """Drop the contexts and what they remember, once the page is walked."""
        for context in self.contexts.values():
            context._children.clear()
        self.contexts.clear()


class Context:
    """What holds for text at one point of the tree, and the tokens of a line that starts there.

    A page's contexts grow from a fresh ``Context()``, and are dropped with the page (:meth:`forget`:
    the page and its contexts refer to each other, so unless this breaks the cycles they wait as garbage
    for the cyclic collector, which then walks them again and again). The page keeps
    one context per distinct value, and each context remembers the contexts of the elements entered
    from it and the tokens of the lines that start in it: the many elements and lines of a page that
    share a structure (the posts of a forum page) cost a dictionary look-up each. Past `REMEMBERED`
    elements that found nothing to reuse, a page is too varied to gain from it, and new contexts are
    made afresh and forgotten.
    """

    __slots__ = (
        "flags",
        "class_words",
        "block_tag",
        "heading",
        "in_link",
        "preformatted",
        "_children",
        "_lines",
        "_page",
    )

    def __init__(
        self,
        flags: frozenset[str] = frozenset(),
        class_words: tuple[tuple[str, ...], ...] = (),
        block_tag: str = "body",
        heading: str | None = None,
        in_link: bool = False,
        preformatted: bool = False,
        page: _Page | None = None,
    ) -> None:
        self.flags = flags
        self.class_words = class_words
        self.block_tag = block_tag
        self.heading = heading
        self.in_link = in_link
        self.preformatted = preformatted
        self._children: dict[object, Context] = {}
        self._lines: dict[tuple[bool, int], tuple[str, ...]] = {}
        self._page = _Page() if page is None else page

    def enter(self, tag: str, attributes: dict[str, str | None]) -> Context:
        """The context inside an element, from its tag and its attributes."""
        if attributes:
            key: object = (
                tag,
                attributes.get("class"),
                attributes.get("id"),
                attributes.get("role"),
                attributes.get("style"),
                attributes.get("aria-hidden"),
                "hidden" in attributes,
                "href" in attributes,
            )
        elif tag in PLAIN_INLINE:
            return self
        else:
            key = tag
        child = self._children.get(key)
        if child is None:
            value = _inside(self, tag, attributes)
            page = self._page
            child = page.contexts.get(value)
            if page.room:
                page.room -= 1
                if child is None:
                    child = page.contexts[value] = Context(*value, page=page)
                self._children[key] = child
            elif child is None:
                child = Context(*value, page=page)
        return child

    def forget(self) -> None:
        """Drop what this context and the contexts grown with it remember: the end of its page."""
        self._children.clear()
        self._page.forget()

    def line_tokens(self, link_chars: int, chars: int) -> tuple[str, ...]:
        """The tokens of a line whose first text is here; ``link_chars`` of its ``chars`` are links."""
        density = link_chars / chars if link_chars else 0.0
        key = (density >= LINK_LINE, min(4, int(density * 5))) if link_chars else _NO_LINKS
        tokens = self._lines.get(key)
        if tokens is None:
            tokens = self._lines[key] = _line_tokens(self, density)
        return tokens


def class_words(value: str) -> tuple[str, ...]:
    """The words of a class or id attribute: ``"bbCodeBlock--quote"`` -> ``("bb", "code", "block", "quote")``."""
    return tuple(dict.fromkeys([word.lower() for word in _CLASS_WORD.findall(value) if 2 <= len(word) <= 20]))


@lru_cache(maxsize=4096)
def _landmark(word: str) -> str | None:
    if word in _POST_WORDS:
        return "post"
    if word.startswith(("nav", "breadcrumb")) or word.endswith("menu") or word in _NAV_WORDS:
        return "nav"
    if word.startswith("header") or word in _HEADER_WORDS:
        return "header"
    if word.startswith("footer") or word == "copyright":
        return "footer"
    if word.startswith("sidebar"):
        return "aside"
    return None


@lru_cache(maxsize=8192)
def _class_info(raw: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The words of a class or id string and the landmarks they name (quote, post, nav, ...)."""
    words = class_words(raw)
    found = set(map(_landmark, words))
    found.discard(None)
    if "quote" in raw.lower():
        found.add("quote")
    return words, frozenset(found)


def _class_and_id_info(class_: str, id_: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """`_class_info` of an element's class and id, read as one string of at most 1000 characters.

    Words never span the space between the two, so each is looked up on its own (ids are often
    unique, classes seldom) unless the string is cut.
    """
    if len(class_) + len(id_) >= 1000:
        return _class_info(f"{class_} {id_}".strip()[:1000])
    if not id_:  # white space around the words changes nothing
        return _class_info(class_)
    if not class_:
        return _class_info(id_)
    class_words_, class_landmarks = _class_info(class_)
    id_words, id_landmarks = _class_info(id_)
    if not id_words:
        words = class_words_
    elif not class_words_:
        words = id_words
    else:
        words = tuple(dict.fromkeys(class_words_ + id_words))
    return words, class_landmarks | id_landmarks


def _hidden(attributes: dict[str, str | None]) -> bool:
    if "hidden" in attributes or attributes.get("aria-hidden") == "true":
        return True
    style = attributes.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _inside(parent: Context, tag: str, attributes: dict[str, str | None]) -> tuple:
    """The value of the context inside an element: `Context`'s fields, in order."""
    found: set[str] = set()
    if tag in _LANDMARK_TAGS:
        found.add(_LANDMARK_TAGS[tag])
    if tag == "blockquote":
        found.add("blockquote")
    elif tag == "li":
        found.add("list")
    elif tag in ("td", "th"):
        found.add("table")
    elif tag in PREFORMATTED:
        found.add("pre")
    words = parent.class_words
    if attributes:
        class_, id_ = attributes.get("class") or "", attributes.get("id") or ""
        if class_ or id_:
            own, landmarks = _class_and_id_info(class_, id_)
            if own:
                words = (own, *words)[:MAX_CLASS_ANCESTORS]
            found |= landmarks
        role = (attributes.get("role") or "").strip().lower()
        if role in _ROLES:
            found.add(_ROLES[role])
        if _hidden(attributes):
            found.add("hidden")
    return (
        parent.flags | {f"in:{name}" for name in found} if found else parent.flags,
        words,
        tag if tag in BLOCK_TAGS else parent.block_tag,
        tag if tag in HEADINGS else parent.heading,
        parent.in_link or (tag == "a" and "href" in attributes),
        parent.preformatted or tag in PREFORMATTED,
    )


def _line_tokens(context: Context, density: float) -> tuple[str, ...]:
    """The tokens of a line whose first text has ``context`` and whose share of link text is ``density``."""
    tokens = sorted(context.flags)
    tokens.append(f"tag:{context.block_tag}")
    if context.heading and context.heading != context.block_tag:
        tokens.append(f"tag:{context.heading}")
    if density >= LINK_LINE:
        tokens.append("tag:a")
    tokens.append(f"linkdens:{min(4, int(density * 5))}")
    words = list(dict.fromkeys(chain.from_iterable(context.class_words)))[:MAX_CLASS_WORDS]
    tokens.extend(["cls:" + word for word in words])
    return tuple(tokens)
