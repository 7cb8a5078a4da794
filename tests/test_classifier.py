"""The block classifier honours scikit-learn's estimator contract."""

import numpy as np
import pytest
from handwritten import tiny_pages
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.model_selection import GroupKFold, cross_val_score
from sklearn.pipeline import Pipeline

from segmenter.blocks import block_labels, split_blocks
from segmenter.classifier import BlockClassifier
from segmenter.labels import LABELS

SMALL = {"word_features": 2**12, "edge_features": 2**10, "html_features": 2**8, "stack_folds": 2}


def _data():
    blocks, labels = [], []
    for k, page in enumerate(tiny_pages()):
        page_blocks = split_blocks(page.text, page=k)
        blocks += page_blocks
        labels += block_labels(page_blocks, page.char_labels(), "opinion")
    return blocks, np.array(labels)


def test_fit_predict_proba_contract():
    blocks, labels = _data()
    model = BlockClassifier(**SMALL)
    assert model.fit(blocks, labels) is model
    assert list(model.classes_) == list(LABELS)
    predicted = model.predict(blocks)
    proba = model.predict_proba(blocks)
    assert predicted.shape == (len(blocks),)
    assert proba.shape == (len(blocks), len(LABELS))
    assert np.allclose(proba.sum(axis=1), 1.0)
    assert (predicted == labels).mean() > 0.9


def test_predict_before_fit_raises():
    with pytest.raises(NotFittedError, match="not fitted"):
        BlockClassifier().predict(split_blocks("a line"))


def test_params_round_trip_and_clone():
    model = BlockClassifier(C=0.5, stack=False)
    assert model.get_params()["C"] == 0.5
    twin = clone(model)
    assert twin.get_params() == model.get_params()
    assert "C=0.5" in repr(model)


def test_works_in_pipeline_and_cross_validation():
    blocks, labels = _data()
    groups = [b.page for b in blocks]
    pipeline = Pipeline([("blocks", BlockClassifier(**SMALL, stack=False))])
    scores = cross_val_score(pipeline, blocks, labels, groups=groups, cv=GroupKFold(n_splits=3))
    assert scores.shape == (3,) and scores.mean() > 0.7


def test_unknown_label_is_rejected():
    blocks = split_blocks("one\ntwo")
    with pytest.raises(ValueError, match="unknown label 'rumour'"):
        BlockClassifier(**SMALL).fit(blocks, ["news", "rumour"])


def test_single_label_training_predicts_that_label():
    blocks = split_blocks("one\ntwo\nthree")
    model = BlockClassifier(**SMALL, stack=False).fit(blocks, ["opinion"] * 3)
    assert list(model.predict(blocks)) == ["opinion"] * 3


def test_explain_names_ngrams_and_cues():
    blocks, labels = _data()
    model = BlockClassifier(**SMALL).fit(blocks, labels)
    page = [b for b in blocks if b.page == 0]
    detail = model.explain(page, 6, top=5)
    assert set(detail["contributions"]) == set(LABELS)
    names = [name for rows in detail["contributions"].values() for name, *_ in rows]
    assert any(name.startswith(("word:", "edge:")) for name in names)
    assert "stage_two" in detail
