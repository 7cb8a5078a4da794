"""Blocks: the unit that is classified.

A block is one non-empty line of the page (a paragraph in most dumps, a hard-wrapped fragment in
Usenet posts), trimmed of surrounding white space, with exact offsets into the page. Annotators label
lines, and no gold line carries two labels, so the line is the natural unit. Overlong lines are cut at
white space so that no block grows without bound.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Lines longer than this are cut into several blocks at white space.
MAX_BLOCK_CHARS = 4000

#: The content of a non-blank line: from its first to its last non-white-space character (regex ``\s`` is
#: ``str.isspace``, so this is the line ``strip()``-ped); ``\n`` and ``\r`` end lines.
_LINE_CONTENT = re.compile(r"\S(?:[^\r\n]*\S)?")
_QUOTE_PREFIX = re.compile(r"^(?:[>|]\s?)+")


@dataclass(frozen=True, slots=True)
class Block:
    """One classifiable unit of a page: ``page_text[start:end] == text``.

    ``page`` identifies the page the block belongs to (blocks of one page are contiguous and in order
    in a block list); ``index`` is the block's position in its page and ``n_blocks`` the page's count.
    ``html`` holds optional structural facts from an HTML page (tag path, quote/post containers).
    """

    text: str
    start: int
    end: int
    page: int = 0
    index: int = 0
    n_blocks: int = 1
    gap_before: int = 0
    html: tuple[str, ...] = ()

    @property
    def quote_depth(self) -> int:
        """How many ``>`` (or ``|``) quote markers open the line."""
        if not self.text.startswith((">", "|")):
            return 0
        match = _QUOTE_PREFIX.match(self.text)
        return match.group(0).count(">") + match.group(0).count("|") if match else 0

    @property
    def body(self) -> str:
        """The text without its leading quote markers."""
        if not self.text.startswith((">", "|")):
            return self.text
        return _QUOTE_PREFIX.sub("", self.text)

    @property
    def position(self) -> float:
        """Relative position in the page, 0 for the first block and 1 for the last."""
        return self.index / max(self.n_blocks - 1, 1)


def _cut_long(start: int, end: int, text: str, limit: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > limit:
        cut = text.rfind(" ", start + limit // 2, start + limit)
        cut = cut if cut > start else start + limit
        pieces.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append((start, end))
    return pieces


def split_blocks(text: str, page: int = 0, max_chars: int = MAX_BLOCK_CHARS) -> list[Block]:
    """Cut ``text`` into blocks, one per non-blank line, keeping exact offsets.

    ``\\n``, ``\\r\\n`` and lone ``\\r`` all end a line. ``gap_before`` counts the blank lines between
    a block and the one before it (a blank line often separates posts or paragraphs).
    """
    spans: list[tuple[int, int, int]] = []
    previous_end = -1
    for match in _LINE_CONTENT.finditer(text):
        start, end = match.span()
        gap = 0
        # Line breaks lie only between the lines' contents; one character between them is one line break.
        if previous_end >= 0 and start - previous_end > 1:
            gap = max(text.count("\n", previous_end, start), text.count("\r", previous_end, start), 1) - 1
        previous_end = end
        if end - start <= max_chars:
            spans.append((start, end, gap))
        else:
            for k, (a, b) in enumerate(_cut_long(start, end, text, max_chars)):
                spans.append((a, b, gap if k == 0 else 0))
    n = len(spans)
    return [Block(text[a:b], a, b, page, i, n, g) for i, (a, b, g) in enumerate(spans)]


def block_labels(blocks: list[Block], char_labels: list[str | None], default: str) -> list[str]:
    """The gold label of each block: the label of most of its non-white-space characters."""
    labels = []
    for block in blocks:
        counts: dict[str, int] = {}
        for offset, char in enumerate(block.text):
            label = char_labels[block.start + offset]
            if label is not None and not char.isspace():
                counts[label] = counts.get(label, 0) + 1
        labels.append(max(counts, key=counts.__getitem__) if counts else default)
    return labels
