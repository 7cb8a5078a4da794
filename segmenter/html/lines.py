"""The visible lines of an HTML page, read from Lexbor's tree in one iterative pass."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from segmenter.html.nesting import limit_nesting
from segmenter.html.tags import BLOCK_TAGS, PLAIN_INLINE, PREFORMATTED, SKIPPED_TAGS
from segmenter.html.tokens import Context

#: A line: its text, its tokens, and the break before it (1: a newline, 2: a blank line).
Line = tuple[str, tuple[str, ...], int]

_SURROGATE = re.compile("[\ud800-\udfff]")


def _tag_names() -> tuple[int, dict[int, str]]:
    """Lexbor's tag id of text nodes, and the names of the tag ids that the walk and the tokens tell apart.

    Reading a node's tag id is cheaper than reading its name. Lexbor numbers the tags it knows with
    small constants, the same in every document; other tags (``<my-widget>``) get an id of their
    document, and the walk asks their node for its name.
    """
    parser = LexborHTMLParser("<p>x</p>")
    text_id = parser.css_first("p").first_child.tag_id
    names = {}
    for name in BLOCK_TAGS | SKIPPED_TAGS | PLAIN_INLINE | PREFORMATTED | {"a", "br"}:
        tag_id = parser.create_node(name).tag_id
        if tag_id < 0x10000:  # a constant, not an address
            names[tag_id] = name
    return text_id, names


_TEXT_ID, _TAG_NAMES = _tag_names()


def _walk(root: Any, context: Context) -> list[Line]:
    """The lines of ``root`` and the tree below it, visited depth first without recursion; ``context``
    holds at the root.

    ``children`` iterates over the children of the element being visited; ``stack`` holds, for each
    element open above it, its parent's iterator and context and whether the element is a block.
    The current line is ``pieces`` of text, the context of its first visible text (``None`` while it
    has none) and its count of link characters; ``pending`` is the break before it.
    """
    lines: list[Line] = []
    pieces: list[str] = []
    first: Context | None = None
    link_chars = 0
    pending = 0

    def add(text: str, context: Context) -> None:
        nonlocal first, link_chars
        if not text or text.isspace():
            if pieces:
                pieces.append(" ")
            return
        if first is None:
            first = context
        pieces.append(text)
        if context.in_link:
            link_chars += len("".join(text.split()))

    def emit() -> bool:
        """End the current line; whether it had any text."""
        nonlocal first, link_chars
        if first is None:
            return False
        line = " ".join("".join(pieces).split())
        chars = len(line) - line.count(" ") if link_chars else 0  # only a share of links needs it
        lines.append((line, first.line_tokens(link_chars, chars), pending))
        pieces.clear()
        first = None
        link_chars = 0
        return True

    stack: list[tuple[Iterator[Any], Context, bool]] = []
    children: Iterator[Any] = iter((root,))
    block = False
    names = _TAG_NAMES
    while True:
        for node in children:
            tag_id = node.tag_id
            if tag_id == _TEXT_ID:
                text = node.text_content or ""
                if context.preformatted and ("\n" in text or "\r" in text):
                    *earlier, text = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
                    for part in earlier:  # a source newline: like a <br>
                        add(part, context)
                        pending = 1 if emit() else 2
                add(text, context)
                continue
            tag = names.get(tag_id)
            if tag is None:
                if not node.is_element_node:
                    continue
                tag = node.tag or ""
            if tag == "br":  # a new line, or a blank line if the current line is empty
                pending = 1 if emit() else 2
                continue
            if tag in SKIPPED_TAGS:
                continue
            stack.append((children, context, block))
            block = tag in BLOCK_TAGS
            if block:  # a new line after a blank line
                emit()
                pending = 2
            context = context.enter(tag, node.attributes)
            children = node.iter(include_text=True)
            break
        else:
            if block:
                emit()
                pending = 2
            if not stack:
                emit()
                return lines
            children, context, block = stack.pop()


def html_lines(html: str) -> list[Line]:
    """The page's visible lines: (text, tokens, break before it: 1 newline or 2 blank line)."""
    try:
        data = limit_nesting(html).encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates, which no parser takes: replaced, like a browser does
        data = limit_nesting(_SURROGATE.sub("\ufffd", html)).encode("utf-8")
    tree = LexborHTMLParser(data)
    if tree.root is None:
        return []
    context = Context()
    try:
        return _walk(tree.root, context)
    finally:
        context.forget()
