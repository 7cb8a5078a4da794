"""Training: from annotated pages to a fitted :class:`~segmenter.segmenter.Segmenter` with its model card."""

from __future__ import annotations

import math
import platform
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np
import sklearn

from segmenter import __version__
from segmenter.blocks import Block, block_labels
from segmenter.classifier import BlockClassifier
from segmenter.features.designed import DesignedFeatures
from segmenter.labels import OPINION
from segmenter.pages import AnnotatedPage, page_blocks
from segmenter.segmenter import Segmenter

#: Weight of a block of an annotated (real) page relative to a block of a composed page.
REAL_WEIGHT = 10.0


@dataclass(frozen=True)
class TrainingSource:
    """A named group of training pages with the weight each of its blocks gets."""

    name: str
    pages: Sequence[AnnotatedPage]
    weight: float = 1.0


@dataclass
class TrainingSet:
    """Blocks of many pages with gold labels and sample weights, ready for ``BlockClassifier.fit``."""

    blocks: list[Block] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)
    summary: dict = field(default_factory=dict)


def block_weight(block: Block) -> float:
    """How much a block counts in training: grows with its length, as the scores count characters."""
    return 1.0 + math.log1p(len(block.text)) / 2.0


def build_training_set(sources: Iterable[TrainingSource]) -> TrainingSet:
    """Cut every page into blocks (an HTML page's from its DOM), take each block's gold label, and weight
    it by source and length."""
    out = TrainingSet()
    page_number = 0
    for source in sources:
        label_counts: Counter[str] = Counter()
        for page in source.pages:
            blocks = page_blocks(page, page_number)
            page_number += 1
            labels = block_labels(blocks, page.char_labels(), default=OPINION)
            out.blocks.extend(blocks)
            out.labels.extend(labels)
            out.weights.extend(source.weight * block_weight(b) for b in blocks)
            label_counts.update(labels)
        out.summary[source.name] = {
            "pages": len(source.pages),
            "blocks": sum(label_counts.values()),
            "weight": source.weight,
            "block_labels": dict(sorted(label_counts.items())),
        }
    return out


def train_segmenter(
    sources: Sequence[TrainingSource], params: dict | None = None, extra_metadata: dict | None = None
) -> Segmenter:
    """Fit a classifier on the given sources and return a :class:`Segmenter` carrying its model card."""
    data = build_training_set(sources)
    if not data.blocks:
        raise ValueError("no training blocks: the training pages are empty")
    model = BlockClassifier(**(params or {}))
    model.fit(data.blocks, data.labels, sample_weight=np.asarray(data.weights))
    metadata = {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "segmenter_version": __version__,
        "sklearn_version": sklearn.__version__,
        "python_version": platform.python_version(),
        "training_data": data.summary,
        "features": {
            "lexical": "hashed word 1-2-grams, line-edge tokens, HTML structure tokens",
            "designed": list(DesignedFeatures(groups=model.groups).get_feature_names_out()),
            "context": {"offsets": list(model.offsets), "radii": list(model.radii)},
            "stacked": bool(model.stack),
            "transition_weight": model.transition_weight_,
            "twin_weight": model.twin_weight_,
            "temperature": model.temperature_,
        },
        **(extra_metadata or {}),
    }
    return Segmenter(model, metadata)
