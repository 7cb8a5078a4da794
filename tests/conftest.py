"""Shared fixtures: hand-written forum pages and a tiny model trained on them.

All text here is written for these tests; none comes from third-party data.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from handwritten import CHROME, NEWS, OPINION, compose, tiny_pages

from segmenter.segmenter import Segmenter
from segmenter.train import TrainingSource, train_segmenter


@pytest.fixture(scope="session")
def tiny_segmenter() -> Segmenter:
    """A small model trained on the hand-written pages (small hash spaces keep it fast)."""
    params = {"word_features": 2**12, "edge_features": 2**10, "html_features": 2**8, "stack_folds": 2}
    return train_segmenter([TrainingSource("tiny", tiny_pages())], params)


@pytest.fixture(scope="session")
def tiny_model_path(tiny_segmenter: Segmenter, tmp_path_factory) -> Path:
    """The tiny model saved as a model file."""
    return tiny_segmenter.save(tmp_path_factory.mktemp("model") / "tiny.npz")


@pytest.fixture()
def sample_page_text() -> str:
    """A page in the tiny model's style, unseen in training."""
    return compose([("boilerplate", CHROME), ("news", NEWS[1:]), ("opinion", OPINION)], "sample").text
