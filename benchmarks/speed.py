"""How fast is ``Segmenter.segment_many`` on one core, and how does it compare with bare lexical hashing?

Segments the pages of a JSONL file's ``text`` fields (``--jsonl``; by default ``../shared/gold/dev.jsonl``,
real forum pages), cycled to at least ``--pages`` pages, batch after batch as ``segment_many`` does, and
reports pages/s and MB/s. The baseline is a bare ``HashingVectorizer(ngram_range=(1, 2)).transform`` of
the same pages' non-blank lines (what hashing the words alone costs), timed page by page (as
``benchmarks/throughput.py`` does) and in one call over all the lines; the issue asks for the whole
segmentation within 3x of it.

A text file given instead (e.g. ``../shared/seed/forum-page.txt``) is repeated ``--pages`` times. Copies of
one page say little: the features of a text alone are computed once per distinct text of a batch, so a
batch of copies costs about as much as one page.

Each figure is the best of ``--repeats`` runs, so that other work on the machine disturbs it less, and
the baselines are timed in alternation with the segmenter, so that all see the same machine. A profile
of one run (top functions by own time) follows with ``--profile``.

Run: python benchmarks/speed.py [PAGE.txt | --jsonl PAGES.jsonl] [--model MODEL.npz] [--pages 320]
     [--repeats 7] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import sys
import time
from pathlib import Path

from sklearn.feature_extraction.text import HashingVectorizer

from segmenter.segmenter import Segmenter

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "gold" / "dev.jsonl"


def _pages(args: argparse.Namespace) -> list[str]:
    if args.page:
        path = Path(args.page)
        if not path.is_file():
            sys.exit(f"{path}: no such page (give a text file, or --jsonl)")
        return [path.read_text(encoding="utf-8")] * args.pages
    jsonl = Path(args.jsonl) if args.jsonl else DEV
    if not jsonl.is_file():
        sys.exit(f"{jsonl}: no such file (give --jsonl PAGES.jsonl, or a text file)")
    with jsonl.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    return [texts[k % len(texts)] for k in range(max(args.pages, len(texts)))]


def _seconds(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", nargs="?", help="a page as a text file, repeated --pages times")
    parser.add_argument("--jsonl", help="pages from the text fields of a JSONL file (default: the gold dev pages)")
    parser.add_argument("--model", help="model file (default: the bundled model)")
    parser.add_argument("--pages", type=int, default=320, help="pages per run")
    parser.add_argument("--repeats", type=int, default=7, help="runs; the best counts")
    parser.add_argument("--profile", action="store_true", help="print a profile of one run")
    args = parser.parse_args()

    segmenter = Segmenter.load(args.model)
    pages = _pages(args)
    page_lines = [[line for line in page.splitlines() if line.strip()] for page in pages]
    lines = [line for page in page_lines for line in page]
    megabytes = sum(len(page.encode("utf-8")) for page in pages) / 1e6
    vectorizer = HashingVectorizer(ngram_range=(1, 2))

    def segment() -> None:
        for _ in segmenter.segment_many(pages):
            pass

    def page_by_page() -> None:
        for page in page_lines:
            vectorizer.transform(page)

    def in_one_call() -> None:
        vectorizer.transform(lines)

    segment()  # warm up: imports, lazily built tables
    ours, paged, once = float("inf"), float("inf"), float("inf")
    for _ in range(args.repeats):
        paged = min(paged, _seconds(page_by_page))
        once = min(once, _seconds(in_one_call))
        ours = min(ours, _seconds(segment))
    per_page = megabytes * 1e6 / len(pages) / 1000
    print(f"{len(pages)} pages of {per_page:.1f} kB on average, best of {args.repeats} runs")
    print(f"segment_many:                        {len(pages) / ours:8.1f} pages/s  {megabytes / ours:6.2f} MB/s")
    for name, theirs in (("page by page", paged), ("in one call", once)):
        print(f"HashingVectorizer(1,2), {name:>12}: {len(pages) / theirs:8.1f} pages/s  "
              f"{megabytes / theirs:6.2f} MB/s  (segment_many takes {ours / theirs:.2f}x its time)")
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(segment)
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(20)
        print(out.getvalue())


if __name__ == "__main__":
    main()
