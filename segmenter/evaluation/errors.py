"""Where the predictions go wrong: the worst pages and their mislabelled lines (``evaluate --errors``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass

from segmenter.evaluation.alignment import COLUMNS, PageChars, PageLines, PredictedSegment, as_predicted
from segmenter.evaluation.scores import PageScore, Report
from segmenter.pages import AnnotatedPage

#: Mislabelled lines are shown up to this many characters.
LINE_PREVIEW_CHARS = 80


@dataclass(frozen=True, slots=True)
class MislabelledLine:
    """A line whose predicted majority label differs from its gold one.

    ``line`` is the 1-based line number in the page text (blank lines count); ``score`` is the score
    of the predicted segment that covers most of the line, ``None`` when there is none or it has no score.
    """

    page_id: str
    line: int
    gold: str
    predicted: str
    score: float | None
    text: str

    def to_json(self) -> dict:
        """The line as a JSON-ready dict."""
        return asdict(self)


@dataclass(frozen=True)
class PageErrors:
    """One of the worst pages and its mislabelled lines."""

    page: PageScore
    lines: list[MislabelledLine]

    def to_json(self) -> dict:
        """The page's errors as a JSON-ready dict."""
        return {"id": self.page.id, "accuracy": self.page.accuracy, "chars": self.page.chars,
                "missing": self.page.missing, "lines": [line.to_json() for line in self.lines]}


def worst_pages(report: Report, top: int = 10) -> list[PageScore]:
    """The ``top`` pages of lowest character accuracy (ties keep the input order)."""
    return sorted(report.pages, key=lambda page: page.accuracy)[: max(top, 0)]


def preview(text: str, limit: int = LINE_PREVIEW_CHARS) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _covering_score(start: int, end: int, label: str, segments: Sequence[PredictedSegment]) -> float | None:
    best, best_overlap = None, 0
    for segment in segments:
        overlap = min(end, segment.end) - max(start, segment.start)
        if segment.label == label and overlap > best_overlap:
            best, best_overlap = segment.score, overlap
    return best


def mislabelled_lines(page: AnnotatedPage, segments: Sequence[object]) -> list[MislabelledLine]:
    """The lines of ``page`` whose predicted majority label is not their gold label, in page order."""
    predicted = [as_predicted(s) for s in segments]
    lines = PageLines.build(PageChars.build(page, predicted))
    ordered = sorted(predicted, key=lambda s: s.start)
    first = 0  # segments before ``first`` end before the current line, hence before every later one
    wrong = []
    for start, end, number, gold, guess in zip(lines.starts.tolist(), lines.ends.tolist(), lines.numbers.tolist(),
                                               lines.gold.tolist(), lines.predicted.tolist(), strict=True):
        while first < len(ordered) and ordered[first].end <= start:
            first += 1
        if gold == guess:
            continue
        overlapping = []
        for segment in ordered[first:]:
            if segment.start >= end:
                break
            overlapping.append(segment)
        label = COLUMNS[guess]
        wrong.append(MislabelledLine(page.id, number, COLUMNS[gold], label,
                                     _covering_score(start, end, label, overlapping), preview(page.text[start:end])))
    return wrong


def error_listing(gold: Sequence[AnnotatedPage], predicted: Mapping[str, Sequence[object]], report: Report,
                  top: int = 10) -> list[PageErrors]:
    """The ``top`` worst pages of ``report`` with their mislabelled lines."""
    by_id = {page.id: page for page in gold}
    return [PageErrors(score, mislabelled_lines(by_id[score.id], predicted.get(score.id) or ()))
            for score in worst_pages(report, top)]
