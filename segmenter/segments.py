"""Segments: maximal runs of one label, the result of segmenting a page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from operator import mul

from segmenter.blocks import Block


@dataclass(frozen=True, slots=True)
class Segment:
    """A labelled run of a page: ``page_text[start:end] == text``; ``score`` is the confidence (0–1)."""

    start: int
    end: int
    label: str
    score: float
    text: str

    def to_json(self) -> dict:
        """The segment as a JSON-ready dict (the output contract's field names)."""
        return {"start": self.start, "end": self.end, "label": self.label, "score": self.score, "text": self.text}

    def __reduce__(self) -> tuple:
        # Pickled as its fields: a run's workers send every segment back, and the slotted dataclass's own
        # state functions took four times as long.
        return (Segment, (self.start, self.end, self.label, self.score, self.text))


def merge_blocks(
    text: str, blocks: Sequence[Block], labels: Sequence[str], scores: Sequence[float]
) -> list[Segment]:
    """Join consecutive blocks of one label into segments.

    A segment runs from its first block's start to its last block's end, so the white space between
    blocks of one run belongs to the run. Its score is the mean block confidence weighted by length.
    """
    segments: list[Segment] = []
    lengths = [block.end - block.start for block in blocks]
    run_start = 0
    for i in range(1, len(blocks) + 1):
        if i < len(blocks) and labels[i] == labels[run_start]:
            continue
        weight = sum(lengths[run_start:i])
        score = sum(map(mul, scores[run_start:i], lengths[run_start:i])) / max(weight, 1)
        start, end = blocks[run_start].start, blocks[i - 1].end
        segments.append(Segment(start, end, labels[run_start], round(float(score), 4), text[start:end]))
        run_start = i
    return segments
