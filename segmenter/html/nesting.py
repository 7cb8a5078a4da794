"""Keeping pathological nesting away from the parser.

An HTML5 parser checks the stack of open elements at every block start tag, so its cost grows with
the square of the nesting depth: 100,000 nested ``<div>`` take Lexbor tens of seconds. No real page
comes near `MAX_DEPTH`; deeper tags are removed before parsing, their text kept.
"""

from __future__ import annotations

import re

from segmenter.html.tags import BLOCK_TAGS, NOT_NESTING

#: Deeper nesting than this is flattened before parsing.
MAX_DEPTH = 1000

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)(?:[^>]*[^/>])?(/?)>")


def nesting_depth(html: str) -> int:
    """An upper bound of the depth the parser reaches, estimated from the tags alone.

    Void elements, self-closed tags and elements whose end tag is implied (``p``, ``li``, ``td``, ...)
    are not counted.
    """
    depth = deepest = 0
    for closing, name, self_closed in _TAG.findall(html):
        if self_closed or name.lower() in NOT_NESTING:
            continue
        if closing:
            depth = max(depth - 1, 0)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def limit_nesting(html: str, max_depth: int = MAX_DEPTH) -> str:
    """``html`` with the start and end tags nested deeper than ``max_depth`` removed (text kept).

    A removed start tag of a block element becomes ``<br>``, so its text still starts a line.
    """
    tags = html.count("<")
    if tags <= max_depth or tags - html.count("</") <= max_depth or nesting_depth(html) <= max_depth:
        return html  # each tag that deepens the nesting starts at a "<" that is not a "</"
    depth = dropped = 0

    def visit(match: re.Match[str]) -> str:
        nonlocal depth, dropped
        closing, name, self_closed = match.group(1), match.group(2).lower(), match.group(3)
        if self_closed or name in NOT_NESTING:
            return match.group(0)
        if not closing:
            if depth >= max_depth:
                dropped += 1
                return "<br>" if name in BLOCK_TAGS else ""
            depth += 1
        elif dropped:
            dropped -= 1
            return ""
        else:
            depth = max(depth - 1, 0)
        return match.group(0)

    return _TAG.sub(visit, html)
