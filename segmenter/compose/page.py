"""Assemble labelled lines into an :class:`AnnotatedPage`, and cut modern-forum slices out of pages.

Every line has one label (the gold never mixes labels in a line); a span covers a run of lines of one
label from its first to its last non-white-space character.
"""

from __future__ import annotations

import random

from segmenter.pages import AnnotatedPage, Span


class PageBuilder:
    """Collects ``(line, label)`` pairs; :meth:`build` joins them and derives exact spans."""

    def __init__(self) -> None:
        self._lines: list[tuple[str, str | None]] = []

    def line(self, text: str, label: str) -> None:
        """Append one line (line breaks inside ``text`` start further lines of the same label)."""
        for piece in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            self._lines.append((piece, label if piece.strip() else None))

    def lines(self, texts, label: str) -> None:
        """Append several lines of one label."""
        for text in texts:
            self.line(text, label)

    def blank(self, count: int = 1) -> None:
        """Append empty lines (never two separators more than asked)."""
        for _ in range(count):
            self._lines.append(("", None))

    def blank_maybe(self, rng: random.Random, chance: float = 0.5) -> None:
        """Append one empty line with probability ``chance``."""
        if rng.random() < chance:
            self.blank()

    @property
    def size(self) -> int:
        """Characters collected so far (approximate page length)."""
        return sum(len(t) + 1 for t, _ in self._lines)

    def build(self, page_id: str, source: str = "", meta: dict | None = None) -> AnnotatedPage:
        """The page: lines joined by ``\\n``; leading blank lines dropped; spans merged per label run."""
        lines = list(self._lines)
        while lines and not lines[0][0].strip():
            lines.pop(0)
        while lines and not lines[-1][0].strip():
            lines.pop()
        text_parts: list[str] = []
        spans: list[Span] = []
        pos = 0
        for text, label in lines:
            if label is not None:
                stripped_start = len(text) - len(text.lstrip())
                start = pos + stripped_start
                end = pos + len(text.rstrip())
                if spans and spans[-1].label == label:
                    spans[-1] = Span(spans[-1].start, end, label)
                else:
                    spans.append(Span(start, end, label))
            text_parts.append(text)
            pos += len(text) + 1
        page_text = "\n".join(text_parts) + "\n"
        return AnnotatedPage(page_id, page_text, tuple(spans), source, dict(meta or {}))


def trim_spans(text: str, spans: list[Span]) -> tuple[Span, ...]:
    """Spans shrunk to their first and last non-white-space character; empty ones dropped."""
    out = []
    for span in spans:
        start, end = span.start, span.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append(Span(start, end, span.label))
    return tuple(out)


def slice_page(page: AnnotatedPage, rng: random.Random, size: int = 2000,
               keep_start: bool = False) -> AnnotatedPage:
    """A window of about ``size`` characters cut at arbitrary points (mid-word too), spans clipped.

    Modern-forum evaluation pages are such windows of a longer page. ``keep_start`` keeps the page's
    beginning (some slices start at the page top).
    """
    text = page.text
    if len(text) <= size:
        return page
    start = 0 if keep_start else rng.randint(0, len(text) - size)
    end = start + size
    window = text[start:end]
    clipped = [Span(max(s.start, start) - start, min(s.end, end) - start, s.label)
               for s in page.spans if s.end > start and s.start < end]
    spans = trim_spans(window, clipped)
    meta = dict(page.meta, sliced=True, slice_start=start)
    return AnnotatedPage(page.id, window, spans, page.source, meta)
