"""Compose pages from ../shared/corpus and report timing, label shares by style, and eval overlap.

Usage: python benchmarks/compose_stats.py [-n 2000] [--seed 0] [--out benchmarks/out/composed.jsonl]

The overlap figure comes from the reference tool ``../shared/tools/overlap.py``: the share of the
evaluation pages' long lines that also stand in the composed pages. Keep it near 0.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from segmenter.compose import Corpus, compose_pages
from segmenter.labels import LABELS
from segmenter.pages import write_annotated

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def label_shares(pages) -> dict[str, Counter]:
    """Non-white-space characters per label, by style (and ``all``)."""
    shares: dict[str, Counter] = defaultdict(Counter)
    for page in pages:
        style = page.source.removeprefix("composed:")
        for span in page.spans:
            n = sum(not c.isspace() for c in page.text[span.start : span.end])
            shares[style][span.label] += n
            shares["all"][span.label] += n
    return shares


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out" / "composed.jsonl")
    args = parser.parse_args()

    started = time.perf_counter()
    corpus = Corpus(args.corpus, seed=args.seed).load_all()
    loaded = time.perf_counter()
    pages = list(compose_pages(corpus, args.n, seed=args.seed))
    composed = time.perf_counter()
    print(f"corpus load {loaded - started:.1f} s; composing {args.n} pages {composed - loaded:.1f} s")

    lengths: dict[str, list[int]] = defaultdict(list)
    sliced = Counter()
    for page in pages:
        style = page.source.removeprefix("composed:")
        lengths[style].append(len(page.text))
        sliced[style] += bool(page.meta.get("sliced"))
    shares = label_shares(pages)
    print(f"{'style':11} {'pages':>5} {'sliced':>6} {'median':>7}  " + " ".join(f"{label:>13}" for label in LABELS))
    for style in sorted(lengths) + ["all"]:
        total = sum(shares[style].values()) or 1
        row = " ".join(f"{shares[style][label] / total:13.2f}" for label in LABELS)
        sizes = sorted(lengths[style]) if style != "all" else sorted(x for v in lengths.values() for x in v)
        count = len(sizes)
        cut = sum(sliced.values()) if style == "all" else sliced[style]
        print(f"{style:11} {count:5d} {cut:6d} {sizes[count // 2]:7d}  {row}")

    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_annotated(pages, args.out)
    gold = [SHARED / "gold" / name for name in ("dev.jsonl", "dev-modern.jsonl")]
    tool = SHARED / "tools" / "overlap.py"
    if tool.exists() and all(p.exists() for p in gold):
        subprocess.run([sys.executable, str(tool), str(args.out), *map(str, gold)], check=False)


if __name__ == "__main__":
    main()
