"""Structural tokens of a line of an HTML page: what contains it, what it is, how much is link.

Each element visited gives a `Context`, derived from its parent's in constant time, so a line's
tokens cost the same at any depth. `TOKENS` lists what a block's ``html`` tuple may hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

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
_CLASS_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Context:
    """What holds for text at one point of the tree."""

    flags: frozenset[str] = frozenset()
    class_words: tuple[tuple[str, ...], ...] = ()
    block_tag: str = "body"
    heading: str | None = None
    in_link: bool = False
    preformatted: bool = False


def class_words(value: str) -> tuple[str, ...]:
    """The words of a class or id attribute: ``"bbCodeBlock--quote"`` -> ``("bb", "code", "block", "quote")``."""
    words = (word.lower() for word in _CLASS_WORD.findall(value))
    return tuple(dict.fromkeys(word for word in words if 2 <= len(word) <= 20))


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
    """The words of a class-and-id string and the landmarks they name (quote, post, nav, ...)."""
    words = class_words(raw)
    found = {landmark for landmark in map(_landmark, words) if landmark}
    if "quote" in raw.lower():
        found.add("quote")
    return words, frozenset(found)


def _hidden(attributes: dict[str, str | None]) -> bool:
    if "hidden" in attributes or attributes.get("aria-hidden") == "true":
        return True
    style = attributes.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def enter(parent: Context, tag: str, attributes: dict[str, str | None]) -> Context:
    """The context inside an element, from its parent's context, its tag and its attributes."""
    if not attributes and tag in PLAIN_INLINE:
        return parent
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
        raw = " ".join(attributes.get(name) or "" for name in ("class", "id")).strip()
        if raw:
            own, landmarks = _class_info(raw[:1000])
            if own:
                words = (own, *words)[:MAX_CLASS_ANCESTORS]
            found |= landmarks
        role = (attributes.get("role") or "").strip().lower()
        if role in _ROLES:
            found.add(_ROLES[role])
        if _hidden(attributes):
            found.add("hidden")
    return Context(
        flags=parent.flags | {f"in:{name}" for name in found} if found else parent.flags,
        class_words=words,
        block_tag=tag if tag in BLOCK_TAGS else parent.block_tag,
        heading=tag if tag in HEADINGS else parent.heading,
        in_link=parent.in_link or (tag == "a" and "href" in (attributes or {})),
        preformatted=parent.preformatted or tag in PREFORMATTED,
    )


def line_tokens(context: Context, link_chars: int, chars: int) -> tuple[str, ...]:
    """The tokens of a line whose first text has ``context``; ``link_chars`` of its ``chars`` are links."""
    density = link_chars / chars if chars else 0.0
    tokens = sorted(context.flags)
    tokens.append(f"tag:{context.block_tag}")
    if context.heading and context.heading != context.block_tag:
        tokens.append(f"tag:{context.heading}")
    if density >= LINK_LINE:
        tokens.append("tag:a")
    tokens.append(f"linkdens:{min(4, int(density * 5))}")
    words = dict.fromkeys(word for group in context.class_words for word in group)
    tokens.extend(f"cls:{word}" for word in list(words)[:MAX_CLASS_WORDS])
    return tuple(tokens)
