"""Helpers shared by the style renderers: plain paragraph output, dates, counts, post bodies."""

from __future__ import annotations

import html
import random
from collections.abc import Callable
from datetime import datetime

from segmenter.compose import names
from segmenter.compose.model import Para, Part
from segmenter.compose.page import PageBuilder
from segmenter.labels import BOILERPLATE

QuoteRenderer = Callable[[PageBuilder, Part, int], None]


def clean(text: str, raw: bool = False) -> str:
    """Paragraph text as a rendered page shows it (entities decoded unless ``raw``)."""
    return text if raw else html.unescape(text).strip()


def emit_paras(b: PageBuilder, paras: list[Para], rng: random.Random, gap: float, indent: str = "",
               raw: bool = False) -> None:
    """One paragraph a line; a blank line between paragraphs with probability ``gap``."""
    first = True
    for para in paras:
        text = para.text if (raw or para.pre) else clean(para.text)
        if not text.strip():
            continue
        if not first and rng.random() < gap:
            b.blank()
        b.line(indent + text, para.label)
        first = False


def emit_body(b: PageBuilder, parts: list[Part], rng: random.Random, quote: QuoteRenderer, gap: float,
              depth: int = 0, indent: str = "", raw: bool = False) -> None:
    """A post body: text, pastes and links as paragraphs, quotes through the style's ``quote``."""
    for k, part in enumerate(parts):
        if k and rng.random() < gap:
            b.blank()
        if part.kind == "quote":
            quote(b, part, depth)
        else:
            emit_paras(b, part.paras, rng, gap, indent, raw)


def count(rng: random.Random, high: int = 5000) -> str:
    """A count as forums print it (``1,234``)."""
    value = int(min(rng.paretovariate(1.0) * rng.randint(1, 60), high))
    return f"{value:,}"


def short_date(when: datetime, rng: random.Random) -> str:
    """``Dec 6, 2014`` (the join-date format of many forums)."""
    return f"{names.MON[when.month - 1]} {when.day}, {when.year}"


def us_numeric(when: datetime) -> str:
    """``09-09-2009, 03:55 PM`` (vBulletin)."""
    hour = when.hour % 12 or 12
    return f"{when:%m-%d-%Y}, {hour:02d}:{when.minute:02d} {'AM' if when.hour < 12 else 'PM'}"


def relative_age(rng: random.Random) -> str:
    """``53 minutes ago``, ``3 hr. ago``, ``2 days ago``."""
    unit = rng.choice(("minutes", "hours", "days", "hr.", "min."))
    return f"{rng.randint(2, 59)} {unit} ago"


def chrome(b: PageBuilder, lines: list[str]) -> None:
    """Several chrome lines."""
    b.lines(lines, BOILERPLATE)
