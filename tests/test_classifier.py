"""The block classifier honours scikit-learn's estimator contract."""

import numpy as np
import pytest
from handwritten import CHROME, NEWS, OPINION, compose, tiny_pages
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.model_selection import GroupKFold, cross_val_score
from sklearn.pipeline import Pipeline

from segmenter.blocks import block_labels, split_blocks
from segmenter.classifier import BlockClassifier, with_twins
from segmenter.features.context import earlier_twins
from segmenter.labels import LABELS
from segmenter.pages import AnnotatedPage

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


def test_a_repeat_takes_the_learnt_share_of_its_twins_probabilities():
    news, boilerplate = LABELS.index("news"), LABELS.index("boilerplate")
    proba = np.full((5, len(LABELS)), 0.1)
    proba[0, news] = proba[2, boilerplate] = 0.7  # a pasted line, and a chrome line
    proba[1, LABELS.index("opinion")] = proba[3, LABELS.index("opinion")] = proba[4, news] = 0.7
    twins = np.array([-1, -1, -1, 0, 2])  # row 3 repeats the pasted line, row 4 the chrome line
    mixed = with_twins(proba, twins, 0.5)
    share = 0.5 * (1 - 0.1)
    assert np.allclose(mixed[3], share * proba[0] + (1 - share) * proba[3])
    assert np.allclose(mixed[4], 0.5 * (1 - 0.7) * proba[2] + (1 - 0.5 * (1 - 0.7)) * proba[4])
    assert np.allclose(mixed.sum(axis=1), 1.0)
    assert np.array_equal(mixed[:3], proba[:3])
    assert with_twins(proba, twins, 0.0) is proba


def _page_with_a_quoted_comment_inside_a_paste(k: int) -> AnnotatedPage:
    """A comment, then a news paste with that comment quoted again in its middle (labelled opinion, as
    the annotation rules have it); the paste's lines vary with ``k``."""
    news = NEWS[k % 2 :] + NEWS[: k % 2]
    comment = OPINION[k % len(OPINION)]
    return compose(
        [("boilerplate", CHROME[:2]), ("opinion", [comment]), ("news", news[:3]), ("opinion", [comment]),
         ("news", news[3:]), ("boilerplate", ["Reply"])],
        f"quoted-{k}",
    )


def test_the_twin_share_is_chosen_by_what_decodes_the_training_pages_right():
    page = _page_with_a_quoted_comment_inside_a_paste(0)
    blocks = split_blocks(page.text, page=0)
    labels = block_labels(blocks, page.char_labels(), "opinion")
    y = np.array([LABELS.index(label) for label in labels])
    emission = np.full((len(blocks), len(LABELS)), 0.02)
    emission[np.arange(len(blocks)), y] = 0.94
    repeat = max(k for k, label in enumerate(labels) if label == "opinion")
    emission[repeat] = emission[repeat - 1]  # the stages took the quoted comment for the paste around it
    model = BlockClassifier(**SMALL)
    model.log_start_, model.log_trans_ = np.zeros(len(LABELS)), np.zeros((len(LABELS), len(LABELS)))
    weights = np.ones(len(blocks))
    pages = [slice(0, len(blocks))]
    twins = earlier_twins(blocks, pages)
    twin_weight, _ = model._choose_decoding_weights(emission, twins, y, weights, pages)
    assert twin_weight > 0.5
    emission[repeat, y[repeat]], emission[repeat, y[repeat - 1]] = 0.94, 0.02  # the stages got it right
    assert model._choose_decoding_weights(emission, twins, y, weights, pages)[0] == 0.0


def test_only_repeats_move_towards_their_twins_once_the_share_is_set():
    blocks, labels = _data()
    model = BlockClassifier(**SMALL).fit(blocks, labels)
    page = _page_with_a_quoted_comment_inside_a_paste(1)
    page_blocks = split_blocks(page.text, page=0)
    texts = [b.text for b in page_blocks]
    repeat = max(k for k, text in enumerate(texts) if texts.count(text) == 2)
    twin = texts.index(texts[repeat])
    model.twin_weight_ = 0.0
    alone = model.block_proba(page_blocks)
    model.twin_weight_ = 1.0
    drawn = model.block_proba(page_blocks)
    assert np.abs(drawn[repeat] - drawn[twin]).sum() < np.abs(alone[repeat] - alone[twin]).sum()
    assert np.allclose(np.delete(drawn, repeat, axis=0), np.delete(alone, repeat, axis=0))


def _chain_free_model() -> BlockClassifier:
    model = BlockClassifier(**SMALL)
    model.log_start_, model.log_trans_ = np.zeros(len(LABELS)), np.zeros((len(LABELS), len(LABELS)))
    model.transition_weight_ = 1.0
    return model


def test_the_temperature_softens_confidences_that_are_too_sure_of_themselves():
    rng = np.random.default_rng(0)
    y = rng.integers(0, len(LABELS), 200)
    predicted = np.where(rng.random(200) < 0.7, y, (y + 1) % len(LABELS))  # right 70% of the time ...
    emission = np.full((200, len(LABELS)), 0.01)
    emission[np.arange(200), predicted] = 0.97  # ... but 97% sure
    pages = [slice(k, k + 10) for k in range(0, 200, 10)]
    assert _chain_free_model()._choose_temperature(emission, y, np.ones(200), pages) > 1.0
    honest = np.full((200, len(LABELS)), 0.01)
    honest[np.arange(200), y] = 0.97  # always right: sharper is better
    assert _chain_free_model()._choose_temperature(honest, y, np.ones(200), pages) <= 1.0


def test_the_temperature_changes_confidences_never_labels():
    blocks, labels = _data()
    model = BlockClassifier(**SMALL).fit(blocks, labels)
    model.temperature_ = 1.0
    labels_one, posteriors_one = model.decode(blocks)
    model.temperature_ = 3.0
    labels_hot, posteriors_hot = model.decode(blocks)
    assert np.array_equal(labels_one, labels_hot)
    assert np.allclose(posteriors_hot.sum(axis=1), 1.0)
    assert (posteriors_hot.max(axis=1) <= posteriors_one.max(axis=1) + 1e-9).all()
    assert posteriors_hot.max(axis=1).mean() < posteriors_one.max(axis=1).mean()
