"""``segmenter explain``: which features pushed one line (block) of a page towards each label."""

from __future__ import annotations

import bisect
import json
from pathlib import Path

import click

from segmenter.blocks import Block, split_blocks
from segmenter.cli.common import load_segmenter, model_option
from segmenter.cli.show_cmd import color_option, id_option, load_page, page_argument, resolve_color
from segmenter.views.terminal import text_lines

#: How many features per label are listed by default.
DEFAULT_TOP = 8


def block_of_line(text: str, blocks: list[Block], line: int) -> int:
    """The index of the first block on 1-based ``line`` of ``text``; ``click.BadParameter`` if none."""
    lines = text_lines(text)
    if not 1 <= line <= len(lines):
        raise click.BadParameter(f"the page has {len(lines)} lines", param_hint="--line")
    start, end = lines[line - 1]
    starts = [b.start for b in blocks]
    k = bisect.bisect_left(starts, start)
    if k < len(blocks) and blocks[k].start <= end and blocks[k].end > start:
        return k
    raise click.BadParameter(f"line {line} is blank; it has no block", param_hint="--line")


def line_of_block(text: str, block: Block) -> int:
    """The 1-based line of ``text`` on which ``block`` starts."""
    return bisect.bisect_right([start for start, _ in text_lines(text)], block.start)


@click.command()
@page_argument
@click.option("--line", "-l", type=click.IntRange(min=1), help="Explain the block on this line (1-based).")
@click.option("--block", "-b", "block_number", type=click.IntRange(min=1),
              help="Explain this block (non-blank line), counting from 1.")
@click.option("--top", "-k", type=click.IntRange(min=1), default=DEFAULT_TOP, show_default=True,
              help="Features listed per label.")
@model_option
@id_option
@click.option("--json", "as_json", is_flag=True, help="Print the explanation as JSON.")
@color_option
def explain(page: str, line: int | None, block_number: int | None, top: int, model: Path | None,
            page_id: str | None, as_json: bool, color: bool | None) -> None:
    """Explain why one line of PAGE got its label: features × weights, per label.

    For the block on --line N (or the K-th block, --block K) it prints the label probabilities, then
    per label the features that pushed the block towards or away from it, largest first: n-grams of
    the block (word:, edge:, ...), designed cues and the cues of neighbouring lines (prev:, next:,
    win:), with the label's intercept; then, for stacked models, how the neighbourhood's first-stage
    probabilities moved it. The decoded label comes from decoding the whole page.

    Example:

        segmenter explain thread.txt --line 12 --top 5
    """
    if (line is None) == (block_number is None):
        raise click.UsageError("give exactly one of --line or --block")
    text = load_page(page, page_id).text
    segmenter = load_segmenter(model)
    blocks = split_blocks(text)
    if line is not None:
        index = block_of_line(text, blocks, line)
    elif block_number > len(blocks):  # type: ignore[operator]
        raise click.BadParameter(f"the page has {len(blocks)} blocks", param_hint="--block")
    else:
        index = block_number - 1  # type: ignore[operator]
    explanation = segmenter.explain(text, index, top=top)  # type: ignore[attr-defined]
    shown_line = line_of_block(text, blocks[index])
    if as_json:
        click.echo(json.dumps({"line": shown_line, **explanation}, ensure_ascii=False, indent=1))
        return
    from segmenter.views.explanation import render_explanation

    click.echo(render_explanation(explanation, shown_line), color=resolve_color(color))
