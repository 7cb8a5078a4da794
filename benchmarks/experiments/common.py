"""Shared helpers of the accuracy experiments: data, the shipped training recipe, scoring and tables.

The experiments READ ``../shared`` (gold pages and the corpus) and never copy from it. Composed pages
are cached under ``/tmp`` (never in the repository), so that each script composes them once.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import segmenter.compose
import segmenter.train as training
from segmenter.compose import Corpus, compose_pages
from segmenter.compose.styles import STYLES
from segmenter.evaluation import evaluate_pages
from segmenter.labels import LABELS
from segmenter.pages import AnnotatedPage, read_annotated, write_annotated
from segmenter.segmenter import Segmenter
from segmenter.train import TrainingSource, train_segmenter

#: The workspace folder next to the repository that holds the gold pages and the corpus.
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
#: Where composed pages are cached between runs (outside the repository).
CACHE = Path("/tmp/segmenter-experiments")
#: Weight of a block of a real (hand-annotated) page relative to a composed one, as shipped.
REAL_WEIGHT: float = float(getattr(training, "REAL_WEIGHT", 3.0))
#: Classifier parameters of the shipped recipe.
PARAMS: dict = {"n_jobs": 2}
#: The real pages the shipped model trains on, and the two dev files it is measured on.
TRAIN_FILES = ("train.jsonl", "train-modern.jsonl")
DEV, DEV_MODERN = "dev.jsonl", "dev-modern.jsonl"
#: Forum styles of the older eras (Usenet, vBulletin-like boards) and the modern ones.
OLD_STYLES = tuple(name for name, style in STYLES.items() if not style.modern)
MODERN_STYLES = tuple(name for name, style in STYLES.items() if style.modern)


def parser(description: str) -> argparse.ArgumentParser:
    """An argument parser with the options every experiment takes (--shared, --quick, --seed)."""
    out = argparse.ArgumentParser(description=description)
    out.add_argument("--shared", type=Path, default=SHARED, help="the shared folder (gold/ and corpus/)")
    out.add_argument("--quick", action="store_true", help="fewer and smaller trainings, for a fast look")
    out.add_argument("--seed", type=int, default=0, help="seed of the page composer and of page samples")
    return out


@dataclass
class Data:
    """The shared folder, with the gold files and the corpus loaded on first use."""

    shared: Path
    _gold: dict[str, list[AnnotatedPage]] = field(default_factory=dict)
    _corpus: dict[int, Corpus] = field(default_factory=dict)

    @classmethod
    def open(cls, shared: Path) -> Data:
        """Check that ``shared`` holds gold/ and corpus/; exit with one clear line if not."""
        missing = [name for name in ("gold", "corpus") if not (shared / name).is_dir()]
        if missing:
            sys.exit(f"error: {shared} has no {' or '.join(missing)} folder (give --shared)")
        return cls(shared)

    def gold(self, name: str) -> list[AnnotatedPage]:
        """The pages of one gold file (``train.jsonl``, ``dev.jsonl`` ...)."""
        if name not in self._gold:
            self._gold[name] = list(read_annotated(self.shared / "gold" / name))
        return self._gold[name]

    def real_training_pages(self) -> list[AnnotatedPage]:
        """All real pages the shipped model may train on."""
        return [page for name in TRAIN_FILES for page in self.gold(name)]

    def corpus(self, seed: int) -> Corpus:
        """The corpus of pure documents, loaded once per seed."""
        if seed not in self._corpus:
            self._corpus[seed] = Corpus(self.shared / "corpus", seed=seed).load_all()
        return self._corpus[seed]

    def composed(self, n: int, seed: int = 0, styles: Sequence[str] | None = None) -> list[AnnotatedPage]:
        """``n`` composed pages (page ``i`` depends only on seed, styles and ``i``), cached under /tmp."""
        if n <= 0:
            return []
        tag = "all" if styles is None else "+".join(sorted(styles))
        path = CACHE / f"composed-{composer_fingerprint()}-seed{seed}-{tag}.jsonl"
        cached = list(read_annotated(path)) if path.exists() else []
        if len(cached) < n:
            cached = list(compose_pages(self.corpus(seed), n, seed, styles=None if styles is None else list(styles)))
            CACHE.mkdir(parents=True, exist_ok=True)
            write_annotated(cached, path)
        return cached[:n]


def composer_fingerprint() -> str:
    """A digest of the composer's source code, so that a changed composer never reuses stale pages."""
    digest = hashlib.sha256()
    for path in sorted(Path(segmenter.compose.__file__).parent.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def proportional_sample(pages: Sequence[AnnotatedPage], k: int, seed: int = 0) -> list[AnnotatedPage]:
    """``k`` pages whose families (id prefixes) keep their shares; smaller ``k`` give nested subsets."""
    rng = random.Random(f"sample:{seed}")
    by_family: dict[str, list[AnnotatedPage]] = defaultdict(list)
    for page in pages:
        by_family[family(page.id)].append(page)
    keyed = []
    for members in by_family.values():
        rng.shuffle(members)
        keyed += [((rank + rng.random()) / len(members), page.id, page) for rank, page in enumerate(members)]
    return [page for _, _, page in sorted(keyed, key=lambda item: item[:2])[:k]]


def family(page_id: str) -> str:
    """The family of a gold page from its id: ``ng``, ``4f``, ``sa``, ``mf`` or ``seed``."""
    return page_id.split("-", 1)[0]


def recipe(data: Data, composed: int, seed: int = 0, real: Sequence[AnnotatedPage] | None = None,
           styles: Sequence[str] | None = None) -> list[TrainingSource]:
    """The shipped model's training sources: real pages at ``REAL_WEIGHT`` plus composed pages at 1."""
    real = data.real_training_pages() if real is None else real
    sources = []
    if real:
        sources.append(TrainingSource("real", list(real), REAL_WEIGHT))
    if composed > 0:
        sources.append(TrainingSource("composed", data.composed(composed, seed, styles), 1.0))
    return sources


def train(sources: Sequence[TrainingSource], **params) -> tuple[Segmenter, float]:
    """Train with the shipped parameters updated by ``params``; return the model and the seconds taken."""
    started = time.perf_counter()
    model = train_segmenter(list(sources), {**PARAMS, **params})
    return model, time.perf_counter() - started


@dataclass(frozen=True)
class Score:
    """Character scores of a model on a set of gold pages."""

    macro_f1: float
    accuracy: float
    f1: dict[str, float]
    pages: int


def predict(model: Segmenter, pages: Sequence[AnnotatedPage]) -> dict[str, list]:
    """Page id -> predicted segments."""
    return dict(zip((p.id for p in pages), model.segment_many(p.text for p in pages), strict=True))


def score(model: Segmenter, pages: Sequence[AnnotatedPage]) -> Score:
    """Macro-F1 (mission labels present in gold), accuracy and per-label F1 of ``model`` on ``pages``."""
    report = evaluate_pages(pages, predict(model, pages)).scores
    return Score(report.macro_f1, report.accuracy, {label: report.labels[label].f1 for label in LABELS}, len(pages))


def by_family(pages: Iterable[AnnotatedPage]) -> dict[str, list[AnnotatedPage]]:
    """Gold pages grouped by family, in first-seen order."""
    out: dict[str, list[AnnotatedPage]] = defaultdict(list)
    for page in pages:
        out[family(page.id)].append(page)
    return dict(out)


def table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """An aligned plain-text table: first column left-aligned, the others right-aligned; floats as 0.000."""
    body = [[f"{v:.3f}" if isinstance(v, float) else str(v) for v in row] for row in rows]
    widths = [max([len(h), *(len(row[k]) for row in body)]) for k, h in enumerate(header)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.ljust(w) if k == 0 else c.rjust(w) for k, (c, w) in enumerate(zip(cells, widths,
                                                                                               strict=True)))

    return "\n".join([line(header), "  ".join("-" * w for w in widths), *(line(row) for row in body)])


def log(message: str) -> None:
    """Progress on stderr, so that stdout holds only the tables."""
    print(message, file=sys.stderr, flush=True)
