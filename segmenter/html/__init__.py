"""Pages from HTML: the visible text, one line per block element, with structural facts per block.

The page is parsed with selectolax's Lexbor engine, an HTML5 parser that repairs markup the way
browsers do (unclosed and misnested tags, unknown entities) and never fetches anything: it resolves
no external entity, loads no stylesheet, runs no script. The text is what a browser's select-all copy
gives, one block element a line:

- ``script``, ``style``, ``noscript``, ``template``, ``head`` and embedded objects are dropped;
  everything else is kept, including text that CSS may hide (the ``in:hidden`` token marks it);
- a block-level element (``p``, ``div``, ``li``, ``td``, ``h1``, ``blockquote``, ``option``, ...)
  starts a new line with a blank line before it; ``<br>`` starts a new line, and two in a row leave
  a blank line; inside ``pre`` and ``textarea`` a newline of the source starts a new line;
- white space within a line is collapsed to single spaces and trimmed.

The blocks are `segmenter.blocks.split_blocks` of that text, so they have exact offsets and the same
cutting of overlong lines as a text page; each block's ``html`` holds the tokens of its line
(`segmenter.html.tokens.TOKENS`). Pages nested deeper than `MAX_DEPTH` elements have the excess
tags removed first, their text kept (`segmenter.html.nesting`).
"""

from __future__ import annotations

from segmenter.blocks import MAX_BLOCK_CHARS, Block, split_blocks
from segmenter.html.lines import html_lines
from segmenter.html.nesting import MAX_DEPTH, limit_nesting, nesting_depth
from segmenter.html.tokens import TOKENS, class_words

__all__ = ["MAX_DEPTH", "TOKENS", "class_words", "html_lines", "html_to_page", "limit_nesting", "nesting_depth"]


def html_to_page(html: str) -> tuple[str, list[Block]]:
    """The visible text of an HTML page and its blocks (see the module docstring).

    ``text[b.start:b.end] == b.text`` for every block, and each block's ``html`` holds the
    structural tokens of its line. Never raises on any ``str``.
    """
    parts: list[str] = []
    spans: list[tuple[str, int, int, tuple[str, ...]]] = []  # text, start, gap before, tokens
    offset = 0
    for line, tokens, pending in html_lines(html):
        gap = 0
        if parts:
            gap = 1 if pending == 2 else 0
            parts.append("\n\n" if gap else "\n")
            offset += 1 + gap
        parts.append(line)
        if len(line) <= MAX_BLOCK_CHARS:
            spans.append((line, offset, gap, tokens))
        else:  # cut like a text page's overlong line
            for k, piece in enumerate(split_blocks(line)):
                spans.append((piece.text, offset + piece.start, gap if k == 0 else 0, tokens))
        offset += len(line)
    n = len(spans)
    blocks = [
        Block(text, start, start + len(text), 0, index, n, gap, tokens)
        for index, (text, start, gap, tokens) in enumerate(spans)
    ]
    return "".join(parts), blocks
