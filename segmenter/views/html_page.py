"""The page as one standalone HTML file: every segment highlighted in its label's colour, label and score
on hover, a legend with per-label totals that also filters to one label, and no external assets.

All page text is HTML-escaped; the only script is the small inline filter of :mod:`html_assets`.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from segmenter.segments import Segment
from segmenter.views.html_assets import SCRIPT, stylesheet
from segmenter.views.summary import label_totals


def _segment(segment: Segment, text: str) -> str:
    tip = f"{segment.label} · score {segment.score:.2f} · characters {segment.start}–{segment.end}"
    return (
        f'<span class="seg" data-label="{escape(segment.label)}" data-score="{segment.score:.2f}" '
        f'data-start="{segment.start}" data-end="{segment.end}" title="{escape(tip)}">'
        f"{escape(text[segment.start : segment.end])}</span>"
    )


def _gap(piece: str) -> str:
    return f'<span class="gap">{escape(piece)}</span>' if piece else ""


def page_markup(text: str, segments: Sequence[Segment]) -> str:
    """The page's text with each segment wrapped in a ``span.seg``; text between segments in ``span.gap``."""
    parts, position = [], 0
    for segment in sorted(segments, key=lambda s: s.start):
        parts.append(_gap(text[position : segment.start]))
        parts.append(_segment(segment, text))
        position = max(position, segment.end)
    parts.append(_gap(text[position:]))
    return "".join(parts)


def _legend(segments: Sequence[Segment]) -> str:
    buttons = ['<button type="button" data-show="" aria-pressed="true">all</button>']
    for row in label_totals(segments):
        buttons.append(
            f'<button type="button" data-label="{row.label}" data-show="{row.label}" aria-pressed="false">'
            f'{row.label} <span class="n">{row.segments} · {row.share:.0%}</span></button>'
        )
    return '<nav class="legend" aria-label="Show one label">' + "".join(buttons) + "</nav>"


def _totals(segments: Sequence[Segment]) -> str:
    rows = []
    for row in label_totals(segments):
        score = f"{row.score:.2f}" if row.score is not None else "–"
        rows.append(
            f'<tr data-label="{row.label}"><td><span class="swatch"></span>{row.label}</td>'
            f"<td>{row.segments}</td><td>{row.chars:,}</td><td>{row.share:.1%}</td><td>{score}</td></tr>"
        )
    head = "<tr><th>label</th><th>segments</th><th>characters</th><th>share</th><th>mean score</th></tr>"
    return f'<table class="totals"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def render_html(title: str, text: str, segments: Sequence[Segment], facts: str = "") -> str:
    """A standalone HTML document showing ``text`` segmented (``facts``: one line under the title)."""
    chars = sum(not c.isspace() for c in text)
    facts = facts or f"{len(segments)} segments · {chars:,} non-space characters"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)} · segmenter</title><style>{stylesheet()}</style></head>\n"
        '<body data-only="">\n'
        f'<header><h1>{escape(title)}</h1><p class="facts">{escape(facts)}</p>{_legend(segments)}</header>\n'
        f"{_totals(segments)}\n"
        f'<main><div class="page" id="page">{page_markup(text, segments)}</div></main>\n'
        "<footer>Hover a segment for its label, score and offsets. Click a label to show it alone; "
        "click it again to show all. Characters count non-space characters.</footer>\n"
        f"<script>{SCRIPT}</script>\n"
        "</body></html>\n"
    )
