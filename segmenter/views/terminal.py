"""The page in the terminal: each segment's text in its label's colour, a gutter naming the label and score
where a segment starts, a legend and per-label totals.

Everything is built with :func:`click.style`; ``click.echo(..., color=False)`` strips the colours and
the gutter and inline ``«label»`` markers still show every segment, so the view works without colour.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

import click

from segmenter.labels import LABELS
from segmenter.segments import Segment
from segmenter.views.palette import TERMINAL_COLOURS
from segmenter.views.summary import label_totals

_BREAK = re.compile(r"\r\n|\r|\n")
_LABEL_WIDTH = max(map(len, LABELS))
#: Width of the gutter: label, score and the bar.
GUTTER_WIDTH = _LABEL_WIDTH + 8


def _style(text: str, label: str | None, **extra: bool) -> str:
    if label is None:
        return click.style(text, **extra) if extra else text
    return click.style(text, fg=TERMINAL_COLOURS.get(label), **extra)


def text_lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line of ``text``, without its line break (``\\n``, ``\\r\\n`` or ``\\r``)."""
    lines, start = [], 0
    for match in _BREAK.finditer(text):
        lines.append((start, match.start()))
        start = match.end()
    if start < len(text) or not lines:
        lines.append((start, len(text)))
    return lines


def _wrap(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    pieces = []
    while width > 0 and end - start > width:
        cut = text.rfind(" ", start + 1, start + width + 1)
        cut = cut if cut > start else start + width
        pieces.append((start, cut))
        start = cut + 1 if text[cut] == " " else cut
    pieces.append((start, end))
    return pieces


class _Index:
    """Which segment covers an offset, and where the next one starts."""

    def __init__(self, segments: Sequence[Segment]) -> None:
        self.segments = sorted(segments, key=lambda s: s.start)
        self.starts = [s.start for s in self.segments]

    def at(self, offset: int) -> Segment | None:
        k = bisect.bisect_right(self.starts, offset) - 1
        return self.segments[k] if k >= 0 and offset < self.segments[k].end else None

    def next_start(self, offset: int) -> int | None:
        k = bisect.bisect_right(self.starts, offset)
        return self.starts[k] if k < len(self.starts) else None

    def starting_in(self, start: int, end: int) -> list[Segment]:
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return self.segments[lo:hi]


def _tag(segment: Segment) -> str:
    return f"{segment.label} {segment.score:.2f}"


def _body(text: str, start: int, end: int, index: _Index, gutter_segment: Segment | None) -> str:
    out, position = [], start
    while position < end:
        segment = index.at(position)
        if segment is None:
            stop = min(index.next_start(position) or end, end)
            out.append(text[position:stop])
        else:
            if segment.start == position and segment is not gutter_segment:
                out.append(_style(f"«{_tag(segment)}» ", segment.label, bold=True))
            stop = min(segment.end, end)
            out.append(_style(text[position:stop], segment.label))
        position = stop
    return "".join(out)


def render_page(text: str, segments: Sequence[Segment], width: int = 0) -> Iterator[str]:
    """The page's lines, styled, each behind a gutter; lines wider than ``width`` wrap (0: never)."""
    index = _Index(segments)
    body_width = max(width - GUTTER_WIDTH, 20) if width > 0 else 0
    for line_start, line_end in text_lines(text):
        for piece_start, piece_end in _wrap(text, line_start, line_end, body_width):
            piece = text[piece_start:piece_end]
            first_char = piece_start + len(piece) - len(piece.lstrip())
            starting = [s for s in index.starting_in(piece_start, piece_end) if s.start == first_char]
            gutter_segment = starting[0] if starting else None
            covering = index.at(piece_start) or index.at(first_char)
            label = gutter_segment.label if gutter_segment else None
            gutter = f"{label:<{_LABEL_WIDTH}} {gutter_segment.score:4.2f}" if gutter_segment else ""
            bar = _style("│", covering.label if covering else label)
            gutter = _style(gutter, label, bold=True) + " " * (GUTTER_WIDTH - 3 - len(gutter))
            yield f"{gutter} {bar} {_body(text, piece_start, piece_end, index, gutter_segment)}".rstrip()


def render_legend() -> str:
    """One line naming each label in its colour."""
    return "  ".join(_style(f"█ {label}", label) for label in LABELS)


def render_totals(segments: Sequence[Segment]) -> Iterator[str]:
    """A table of segments, non-space characters, share and mean score per label."""
    yield f"{'label':<{_LABEL_WIDTH}}  segments  characters   share  score"
    totals = label_totals(segments)
    for row in totals:
        score = f"{row.score:5.2f}" if row.score is not None else "    –"
        line = f"{row.label:<{_LABEL_WIDTH}}  {row.segments:>8}  {row.chars:>10,}  {row.share:6.1%}  {score}"
        yield _style(line, row.label if row.chars else None)
    chars = sum(row.chars for row in totals)
    yield f"{'total':<{_LABEL_WIDTH}}  {len(segments):>8}  {chars:>10,}  {1 if chars else 0:6.1%}"


def render_view(title: str, text: str, segments: Sequence[Segment], width: int = 0) -> str:
    """The whole terminal view: title, legend, the page, and the totals (styled; strip with click)."""
    rule = "─" * max(min(width or 80, 100) - 1, 20)
    parts = [click.style(title, bold=True), render_legend(), rule, *render_page(text, segments, width), rule]
    parts += [*render_totals(segments), "(characters count non-space characters; score is the mean confidence)"]
    return "\n".join(parts)
