"""The visible lines of an HTML page, read from Lexbor's tree in one iterative pass."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from segmenter.html.nesting import limit_nesting
from segmenter.html.tags import BLOCK_TAGS, SKIPPED_TAGS
from segmenter.html.tokens import Context, enter, line_tokens

#: A line: its text, its tokens, and the break before it (1: a newline, 2: a blank line).
Line = tuple[str, tuple[str, ...], int]

_SURROGATE = re.compile("[\ud800-\udfff]")


class _LineCollector:
    """Gathers text into lines as the tree is walked."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self._pieces: list[str] = []
        self._context: Context | None = None
        self._link_chars = 0
        self._chars = 0
        self._pending = 0

    def add_text(self, text: str, context: Context) -> None:
        if context.preformatted and ("\n" in text or "\r" in text):
            for k, part in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
                if k:
                    self.line_break()
                self.add_text(part, replace(context, preformatted=False))
            return
        visible = sum(map(len, text.split()))
        if not visible:
            if self._pieces:
                self._pieces.append(" ")
            return
        if self._context is None:
            self._context = context
        self._pieces.append(text)
        self._chars += visible
        if context.in_link:
            self._link_chars += visible

    def _emit(self) -> bool:
        """End the current line; whether it had any text."""
        if self._context is None:
            self._pieces.clear()
            return False
        line = " ".join("".join(self._pieces).split())
        self.lines.append((line, line_tokens(self._context, self._link_chars, self._chars), self._pending))
        self._pieces.clear()
        self._context = None
        self._link_chars = self._chars = 0
        return True

    def line_break(self) -> None:
        """A ``<br>``: a new line, or a blank line if the current line is empty."""
        self._pending = 1 if self._emit() else 2

    def block_break(self) -> None:
        """The start or end of a block element: a new line after a blank line."""
        self._emit()
        self._pending = 2

    def finish(self) -> list[Line]:
        self._emit()
        return self.lines


def _leave(node: Any, contexts: list[Context], lines: _LineCollector) -> None:
    contexts.pop()
    if node.tag in BLOCK_TAGS:
        lines.block_break()


def _walk(root: Any, lines: _LineCollector) -> None:
    """Visit the tree below ``root`` depth first without recursion, feeding ``lines``."""
    contexts: list[Context] = [Context()]
    root_id = root.mem_id  # selectolax makes a new Python object at each step, so compare ids
    node = root
    while True:
        descend = False
        if node.is_text_node:
            lines.add_text(node.text_content or "", contexts[-1])
        elif node.is_element_node:
            tag = node.tag or ""
            if tag == "br":
                lines.line_break()
            elif tag not in SKIPPED_TAGS:
                if tag in BLOCK_TAGS:
                    lines.block_break()
                contexts.append(enter(contexts[-1], tag, node.attributes))
                descend = True
        if descend:
            child = node.child
            if child is not None:
                node = child
                continue
            _leave(node, contexts, lines)
        while True:
            if node.mem_id == root_id:
                return
            following = node.next
            if following is not None:
                node = following
                break
            node = node.parent
            _leave(node, contexts, lines)


def html_lines(html: str) -> list[Line]:
    """The page's visible lines: (text, tokens, break before it: 1 newline or 2 blank line)."""
    if _SURROGATE.search(html):
        html = _SURROGATE.sub("\ufffd", html)
    tree = LexborHTMLParser(limit_nesting(html))
    lines = _LineCollector()
    if tree.root is not None:
        _walk(tree.root, lines)
    return lines.finish()
