"""Check that ``segmenter.evaluation`` agrees with the reference scorer, figure for figure.

    python benchmarks/check_scorer.py GOLD.jsonl PRED.jsonl
    python benchmarks/check_scorer.py GOLD.jsonl PRED.jsonl --perturb lines --seed 3   # write PRED first

Runs the reference ``score.py`` (in ``../shared/tools`` next to the repository, or ``--reference``) in a
subprocess and our scorer in process, prints both figures side by side and exits 1 when any figure
differs at three decimals. ``--perturb spans`` writes PRED from GOLD by shifting span boundaries, relabelling
spans and lines, leaving gaps, overlaps and unknown labels, and dropping pages; ``--perturb lines`` writes
what a segmenter would (gold line labels, some relabelled, merged into segments).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
from pathlib import Path

from segmenter.blocks import block_labels, split_blocks
from segmenter.evaluation import read_predictions, score_pages, worst_pages
from segmenter.labels import LABELS
from segmenter.pages import AnnotatedPage, read_annotated
from segmenter.segments import merge_blocks

REFERENCE = Path(__file__).resolve().parents[1].parent / "shared" / "tools" / "score.py"
_LABEL_LINE = re.compile(r"^(\w+)\s+P=([\d.]+) R=([\d.]+) F1=([\d.]+) support=(\d+)$")
_SUMMARY = re.compile(r"(\w+)=([\d.]+)")


def reference_figures(gold: Path, predicted: Path, reference: Path) -> dict[str, str]:
    """The figures the reference scorer prints, by name, as printed."""
    run = subprocess.run([sys.executable, str(reference), "score", str(gold), str(predicted)],
                         capture_output=True, text=True, check=True)
    figures = {}
    for line in run.stdout.splitlines():
        if match := _LABEL_LINE.match(line):
            label, *values = match.groups()
            figures.update(zip((f"{label}.P", f"{label}.R", f"{label}.F1", f"{label}.support"), values,
                               strict=True))
        elif line.startswith("worst pages:"):
            figures["worst pages"] = line.partition(":")[2].strip()
        elif line.startswith("pages="):
            figures.update(_SUMMARY.findall(line))
    return figures


def our_figures(gold: Path, predicted: Path) -> dict[str, str]:
    """The same figures from ``segmenter.evaluation``, formatted the same way."""
    report = score_pages(read_annotated(gold), read_predictions(predicted))
    figures = {}
    for label, s in report.labels.items():
        figures.update({f"{label}.P": f"{s.precision:.3f}", f"{label}.R": f"{s.recall:.3f}",
                        f"{label}.F1": f"{s.f1:.3f}", f"{label}.support": str(s.support)})
    figures["worst pages"] = ", ".join(f"{p.id}={p.accuracy:.2f}" for p in worst_pages(report, 5))
    figures.update({"pages": str(len(report.pages)), "missing": str(len(report.missing)),
                    "char_accuracy": f"{report.accuracy:.3f}",
                    "page_mean_accuracy": f"{report.page_mean_accuracy:.3f}",
                    "macro_f1_mission": f"{report.macro_f1:.3f}"})
    return figures


def perturbed_segments(page: AnnotatedPage, rng: random.Random) -> list[dict]:
    """Gold spans made wrong in the ways a segmenter is wrong (and a few ways it should never be)."""
    segments = []
    for span in page.spans:
        start, end, label = span.start, span.end, span.label
        roll = rng.random()
        if roll < 0.1:
            label = rng.choice(LABELS)
        elif roll < 0.12:
            label = "unknown"
        if rng.random() < 0.3:
            start += rng.randint(-20, 20)
            end += rng.randint(-20, 20)
        if rng.random() < 0.05:
            continue  # a gap: uncovered text
        segments.append({"start": start, "end": end, "label": label, "score": round(rng.random(), 3)})
    for line in re.finditer(r"[^\n]+", page.text):  # relabel a few whole lines; later segments win
        if rng.random() < 0.05:
            segments.append({"start": line.start(), "end": line.end(), "label": rng.choice(LABELS)})
    if segments and rng.random() < 0.03:
        segments.append({"start": -5, "end": len(page.text) + 5, "label": rng.choice(LABELS), "score": 0.5})
    return segments


def relabelled_lines(page: AnnotatedPage, rng: random.Random) -> list[dict]:
    """What a segmenter gives: gold line labels with one line in ten relabelled, runs merged."""
    blocks = split_blocks(page.text)
    labels = [rng.choice(LABELS) if rng.random() < 0.1 else label
              for label in block_labels(blocks, page.char_labels(), "boilerplate")]
    scores = [round(rng.random(), 3) for _ in blocks]
    return [s.to_json() for s in merge_blocks(page.text, blocks, labels, scores)]


PERTURBATIONS = {"spans": perturbed_segments, "lines": relabelled_lines}


def write_perturbed(gold: Path, out: Path, seed: int, how: str = "spans") -> None:
    """Write a prediction file for ``gold`` with random mistakes; about one page in twenty is left out."""
    rng = random.Random(seed)
    with out.open("w", encoding="utf-8") as handle:
        for page in read_annotated(gold):
            if rng.random() < 0.05:
                continue
            segments = PERTURBATIONS[how](page, rng)
            handle.write(json.dumps({"id": page.id, "segments": segments}, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("predicted", type=Path)
    parser.add_argument("--perturb", choices=sorted(PERTURBATIONS),
                        help="write PREDICTED from GOLD first, with mistakes in spans or in whole lines")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--reference", type=Path, default=REFERENCE)
    args = parser.parse_args(argv)
    if args.perturb:
        write_perturbed(args.gold, args.predicted, args.seed, args.perturb)
    theirs = reference_figures(args.gold, args.predicted, args.reference)
    ours = our_figures(args.gold, args.predicted)
    width = max(map(len, ours))
    differ = 0
    for name in ours:
        same = ours[name] == theirs.get(name)
        differ += not same
        verdict = "ok" if same else "DIFFERS"
        if name == "worst pages":
            print(f"{name:<{width}}  {verdict}\n  reference {theirs.get(name)}\n  ours      {ours[name]}")
        else:
            print(f"{name:<{width}}  reference {theirs.get(name, '?'):>8}  ours {ours[name]:>8}  {verdict}")
    print("agreement" if not differ else f"{differ} figures differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
