"""Does reading a page as HTML (blocks and tokens from the DOM) beat reading its text dump?

1. ``shared/gold/html/sa-002.html`` against its annotation in ``shared/gold/dev.jsonl``, scored the way
   ``shared/gold/README.md`` says: each annotated line is looked up, in order, in the text that the
   HTML run returns, and takes the labels of the segments there; a line not found counts as
   ``boilerplate``. The text run segments the annotated text itself and is scored the same way.
2. The news pages of ``shared/corpus/news_html`` with their true article bodies: how much of the
   body the HTML run labels ``news`` (recall), and how much of what it labels ``news`` is body
   (precision), against a text run on the same extracted text (``html_to_page``'s text cut into
   blocks by plain ``split_blocks``, without the HTML tokens).

Run: python benchmarks/html_vs_text.py [--model MODEL.npz] [--shared SHARED_FOLDER] [--news-pages N]
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections.abc import Sequence
from pathlib import Path

from segmenter.evaluation.alignment import PredictedSegment
from segmenter.evaluation.scores import Report, score_pages
from segmenter.html import html_to_page
from segmenter.io.decoding import declared_charset, decode_page
from segmenter.pages import AnnotatedPage, read_annotated
from segmenter.segmenter import Segmenter
from segmenter.segments import Segment

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
NOT_RETURNED = "boilerplate"


def _normalised(text: str) -> tuple[str, list[int]]:
    """``text`` with white-space runs as single spaces, and each kept character's offset in ``text``."""
    chars: list[str] = []
    offsets: list[int] = []
    for offset, char in enumerate(text):
        if char.isspace():
            if chars and chars[-1] != " ":
                chars.append(" ")
                offsets.append(offset)
        else:
            chars.append(char)
            offsets.append(offset)
    return "".join(chars), offsets


def locate_lines(lines: Sequence[str], text: str) -> list[list[int] | None]:
    """For each line, in order, the offsets in ``text`` of its non-space characters, or None if absent.

    The search goes on after the previous line found, comparing with white space collapsed.
    """
    haystack, offsets = _normalised(text)
    cursor = 0
    found: list[list[int] | None] = []
    for line in lines:
        needle = " ".join(line.split())
        position = haystack.find(needle, cursor) if needle else -1
        if position < 0:
            found.append(None)
            continue
        found.append([offsets[position + k] for k, char in enumerate(needle) if char != " "])
        cursor = position + len(needle)
    return found


def char_labels(n: int, segments: Sequence[Segment]) -> list[str | None]:
    labels: list[str | None] = [None] * n
    for segment in segments:
        labels[segment.start : segment.end] = [segment.label] * (segment.end - segment.start)
    return labels


def projected_segments(gold: AnnotatedPage, run_text: str, segments: Sequence[Segment]) -> list[PredictedSegment]:
    """The run's labels carried over to the gold page's annotated lines, as one-character segments."""
    run_labels = char_labels(len(run_text), segments)
    lines, starts = [], []
    offset = 0
    for line in gold.text.splitlines(keepends=True):
        if line.strip():
            lines.append(line)
            starts.append(offset)
        offset += len(line)
    projected = []
    for line, start, found in zip(lines, starts, locate_lines(lines, run_text), strict=True):
        gold_offsets = [start + k for k, char in enumerate(line) if not char.isspace()]
        if found is None:
            predicted = [NOT_RETURNED] * len(gold_offsets)
        else:
            predicted = [run_labels[k] or NOT_RETURNED for k in found]
        projected.extend(PredictedSegment(g, g + 1, label) for g, label in zip(gold_offsets, predicted, strict=True))
    return projected


def _report_line(name: str, report: Report) -> str:
    f1 = "  ".join(f"{label} {score.f1:.3f}" for label, score in report.labels.items() if score.support)
    return f"  {name:10} accuracy {report.accuracy:.3f}  macro-F1 {report.macro_f1:.3f}  F1: {f1}"


def select_all_page(segmenter: Segmenter, shared: Path) -> None:
    html_path = shared / "gold" / "html" / "sa-002.html"
    gold = next(page for page in read_annotated(shared / "gold" / "dev.jsonl") if page.id == "sa-002")
    text, blocks = html_to_page(decode_page(html_path.read_bytes(), declared_charset(None, html_path.read_bytes())))
    runs = {
        "HTML run": projected_segments(gold, text, segmenter.segment_blocks(text, blocks)),
        "text run": projected_segments(gold, gold.text, segmenter.segment(gold.text)),
    }
    lines = [line for line in gold.text.splitlines() if line.strip()]
    missing = sum(found is None for found in locate_lines(lines, text))
    print(f"sa-002: {len(lines)} annotated lines, {missing} not found in the HTML run's text")
    for name, segments in runs.items():
        print(_report_line(name, score_pages([gold], {gold.id: segments})))


def _news_share(body: set[int], text: str, segments: Sequence[Segment]) -> tuple[int, int, int]:
    """(body characters labelled news, characters labelled news, body characters), non-space only."""
    labels = char_labels(len(text), segments)
    news = {k for k, label in enumerate(labels) if label == "news" and not text[k].isspace()}
    return len(news & body), len(news), len(body)


def news_pages(segmenter: Segmenter, shared: Path, limit: int | None) -> None:
    folder = shared / "corpus" / "news_html"
    truth = json.loads((folder / "aeb-ground-truth.json").read_text(encoding="utf-8"))
    totals = {"HTML run": [0, 0, 0], "text run": [0, 0, 0]}
    located = wanted = pages = 0
    for key in sorted(truth)[:limit]:
        path = folder / "aeb-html" / f"{key}.html.gz"
        if not path.exists():
            continue
        data = gzip.decompress(path.read_bytes())
        text, blocks = html_to_page(decode_page(data, declared_charset(None, data)))
        paragraphs = [line for line in truth[key].get("articleBody", "").splitlines() if line.strip()]
        found = locate_lines(paragraphs, text)
        body = {k for offsets in found if offsets for k in offsets}
        located += len(body)
        wanted += sum(len("".join(p.split())) for p in paragraphs)
        pages += 1
        runs = {"HTML run": segmenter.segment_blocks(text, blocks), "text run": segmenter.segment(text)}
        for name, segments in runs.items():
            for k, value in enumerate(_news_share(body, text, segments)):
                totals[name][k] += value
    print(f"\nnews pages: {pages}, {located / max(wanted, 1):.1%} of the true body characters located in the text")
    for name, (hit, labelled, body_chars) in totals.items():
        recall = hit / max(body_chars, 1)
        precision = hit / max(labelled, 1)
        print(f"  {name:10} body labelled news (recall) {recall:.3f}   news that is body (precision) {precision:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="model file (default: the bundled model)")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder")
    parser.add_argument("--news-pages", type=int, default=None, help="score only the first N news pages")
    args = parser.parse_args()
    segmenter = Segmenter.load(args.model)
    select_all_page(segmenter, args.shared)
    news_pages(segmenter, args.shared, args.news_pages)


if __name__ == "__main__":
    main()
