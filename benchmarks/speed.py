"""How fast is ``Segmenter.segment_many`` on one core, and how does it compare with bare lexical hashing?

Segments a page (``../shared/seed/forum-page.txt`` by default, or the text file given) repeated
``--pages`` times, batch after batch as ``segment_many`` does, and reports pages/s and MB/s. The
baseline is a bare ``HashingVectorizer(ngram_range=(1, 2)).transform`` of the same pages' non-blank lines
(what hashing the words alone costs); the issue asks for the whole segmentation within 3x of it.
With ``--jsonl FILE`` the pages are the ``text`` fields of a JSONL file instead (distinct pages, so no
cache of repeated words helps).

Each figure is the best of ``--repeats`` runs, so that other work on the machine disturbs it less, and
the baseline is timed in alternation with the segmenter, so that both see the same machine. A profile
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

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "forum-page.txt"


def _pages(args: argparse.Namespace) -> list[str]:
    if args.jsonl:
        with open(args.jsonl, encoding="utf-8") as fh:
            texts = [json.loads(line)["text"] for line in fh if line.strip()]
        return [texts[k % len(texts)] for k in range(max(args.pages, len(texts)))]
    path = Path(args.page) if args.page else SEED
    if not path.is_file():
        sys.exit(f"{path}: no such page (give a text file, or --jsonl)")
    return [path.read_text(encoding="utf-8")] * args.pages


def _seconds(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", nargs="?", help="a page as a text file (default: the seed page)")
    parser.add_argument("--jsonl", help="pages from the text fields of a JSONL file")
    parser.add_argument("--model", help="model file (default: the bundled model)")
    parser.add_argument("--pages", type=int, default=320, help="pages per run")
    parser.add_argument("--repeats", type=int, default=7, help="runs; the best counts")
    parser.add_argument("--profile", action="store_true", help="print a profile of one run")
    args = parser.parse_args()

    segmenter = Segmenter.load(args.model)
    pages = _pages(args)
    lines = [line for page in pages for line in page.splitlines() if line.strip()]
    megabytes = sum(len(page.encode("utf-8")) for page in pages) / 1e6

    def segment() -> None:
        for _ in segmenter.segment_many(pages):
            pass

    def baseline() -> None:
        HashingVectorizer(ngram_range=(1, 2)).transform(lines)

    segment()  # warm up: imports, lazily built tables
    ours, theirs = float("inf"), float("inf")
    for _ in range(args.repeats):
        theirs = min(theirs, _seconds(baseline))
        ours = min(ours, _seconds(segment))
    per_page = megabytes * 1e6 / len(pages) / 1000
    print(f"{len(pages)} pages of {per_page:.1f} kB on average, best of {args.repeats} runs")
    print(f"segment_many:          {len(pages) / ours:8.1f} pages/s  {megabytes / ours:6.2f} MB/s")
    print(f"HashingVectorizer(1,2): {len(pages) / theirs:7.1f} pages/s  {megabytes / theirs:6.2f} MB/s")
    print(f"segment_many takes {ours / theirs:.2f}x the bare hashing time")
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(segment)
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(20)
        print(out.getvalue())


if __name__ == "__main__":
    main()
