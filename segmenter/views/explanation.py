"""Why a block got its label, in words: the output of ``Segmenter.explain`` rendered for the terminal.

Stage one lists, per label, the features of the block with the largest value × weight (lexical
features by the n-grams of the block that hash to the column), plus the label's intercept. Stage two,
when the model has one, lists the neighbourhood probabilities that moved the block. The decoded label
comes from sequence decoding over the whole page, so it can differ from the best-scoring stage.
"""

from __future__ import annotations

from collections.abc import Iterator

import click

from segmenter.views.palette import TERMINAL_COLOURS

_BAR = 24


def _bar(p: float) -> str:
    return "█" * round(p * _BAR) + "·" * (_BAR - round(p * _BAR))


def _label(label: str, **style: bool) -> str:
    return click.style(label, fg=TERMINAL_COLOURS.get(label), **style)


def _quote(text: str, limit: int = 100) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def label_order(explanation: dict) -> list[str]:
    """Labels by decreasing probability, the decoded label first."""
    probabilities = explanation["probabilities"]
    decoded = explanation["decoded_label"]
    return sorted(probabilities, key=lambda label: (label != decoded, -probabilities[label]))


def _rows(rows: list) -> Iterator[str]:
    for name, value, weight, contribution in rows:
        sign = click.style(f"{contribution:+8.3f}", fg="green" if contribution > 0 else "red")
        yield f"    {sign}  = {value:7.3f} × {weight:+7.3f}   {name}"


def _stage(title: str, table: dict, explanation: dict, intercept: dict | None) -> Iterator[str]:
    yield ""
    yield click.style(title, bold=True)
    for label in label_order(explanation):
        extra = f"   intercept {intercept[label]:+.3f}" if intercept and label in intercept else ""
        yield f"  {_label(label, bold=True)}{extra}"
        rows = table.get(label) or []
        yield from _rows(rows) if rows else ["    (no active feature)"]


def render_explanation(explanation: dict, line: int | None = None) -> str:
    """The explanation of one block as styled text (strip the colour with ``click.echo(color=False)``)."""
    block = explanation["block"]
    where = f"line {line} · " if line is not None else ""
    decoded = explanation["decoded_label"]
    probabilities = explanation["probabilities"]
    out = [
        click.style(f"Block {block['index'] + 1} · {where}characters {block['start']}–{block['end']}", bold=True),
        f"  “{_quote(block['text'])}”",
        f"Decoded label: {_label(decoded, bold=True)} "
        f"(probability {probabilities[decoded]:.2f} after decoding the whole page)",
        "",
        click.style("Probabilities", bold=True),
    ]
    for label in label_order(explanation):
        out.append(f"  {_label(f'{label:<13}')} {probabilities[label]:5.2f} {_label(_bar(probabilities[label]))}")
    out += _stage(
        "Stage one: the block's features (contribution = value × weight)",
        explanation["contributions"], explanation, explanation.get("intercept"),
    )
    if explanation.get("stage_two"):
        out += _stage(
            "Stage two: the neighbourhood's stage-one probabilities (prev/next k, windows, twin)",
            explanation["stage_two"], explanation, None,
        )
    return "\n".join(out)
