"""Feature families: shapes, ranges, and the cues they are meant to catch."""

import numpy as np
from handwritten import CHROME, NEWS, OPINION, RELEASE

from segmenter.blocks import split_blocks
from segmenter.features import ContextFeatures, DesignedFeatures, LexicalFeatures
from segmenter.features.context import repeat_flags, window_mean


def _cue(text: str, name: str) -> float:
    features = DesignedFeatures().fit([])
    names = list(features.get_feature_names_out())
    return float(features.transform(split_blocks(text))[0, names.index(name)])


def test_designed_cues_are_bounded():
    blocks = split_blocks("Hello there!\n> quoted line\nFrom: someone@example.org\n\n###")
    values = DesignedFeatures().fit(blocks).transform(blocks)
    assert values.shape == (4, len(DesignedFeatures().get_feature_names_out()))
    assert values.min() >= 0.0 and values.max() <= 1.0


def test_designed_cues_fire_on_their_patterns():
    assert _cue("HARBOURTON (Wire) -- Ferries ran again on Monday.", "dateline") == 1.0
    assert _cue("For Immediate Release", "release_marker") == 1.0
    assert _cue("Subject: Re: ferries", "mail_header") == 1.0
    assert _cue("> quoted", "quote_depth_1") == 1.0
    assert _cue("I think you are wrong, honestly.", "first_singular") > 0.0
    assert _cue("Quote: Originally Posted by badger", "quote_intro") == 1.0


def test_designed_groups_select_columns():
    only_shape = DesignedFeatures(groups=["shape"]).fit([])
    assert 0 < len(only_shape.get_feature_names_out()) < len(DesignedFeatures().get_feature_names_out())


def test_lexical_features_are_sparse_and_explainable():
    blocks = split_blocks("The ministry said on Monday\nlol no way")
    lexical = LexicalFeatures(word_features=2**10, edge_features=2**8, html_features=2**6).fit(blocks)
    X = lexical.transform(blocks)
    assert X.shape == (2, 2**10 + 2**8 + 2**6)
    named = lexical.explain_tokens(blocks[0])
    assert set(named) == set(X[0].indices)
    assert any("word:ministry" in names for names in named.values())


def test_context_shifts_stay_inside_a_page():
    blocks = split_blocks("a\nb\nc", page=0) + split_blocks("d\ne", page=1)
    context = ContextFeatures(offsets=(-1,), radii=(1,)).fit(blocks)
    X = context.transform(blocks)
    names = list(context.get_feature_names_out())
    first = names.index("prev1:first_block")
    assert X[3, first] == 0.0  # the first block of page 1 has no previous block
    assert X[1, first] == 1.0  # block b follows the first block of page 0


def test_window_mean_excludes_the_row_itself():
    values = np.array([[1.0], [0.0], [1.0]])
    assert window_mean(values, 1)[:, 0].tolist() == [0.0, 1.0, 0.0]


def test_repeat_flags_mark_quoted_twins():
    text = "this post says five words here\nreply\nthis post says five words here"
    flags = repeat_flags(split_blocks(text))
    assert flags[:, 0].tolist() == [0.0, 0.0, 1.0]
    assert flags[:, 1].tolist() == [1.0, 0.0, 0.0]


def _pages_of_blocks() -> list:
    first = "\n".join(CHROME + NEWS + OPINION)
    second = "\n".join(RELEASE + ["> " + NEWS[2]] + OPINION[:1] + [NEWS[2]])
    return split_blocks(first, page=0) + split_blocks(second, page=1) + split_blocks("Reply", page=2)


def test_context_projection_equals_the_product_with_its_matrix():
    blocks = _pages_of_blocks()
    for params in ({}, {"reach": 4}, {"offsets": (), "radii": ()}, {"offsets": (-3, 2), "radii": (1,), "reach": 1}):
        context = ContextFeatures(**params).fit(blocks)
        weights = np.random.default_rng(1).normal(size=(context.n_features_out_, 3))
        expected = context.transform(blocks).astype(np.float64) @ weights
        np.testing.assert_allclose(context.project(blocks, weights), expected, rtol=1e-5, atol=1e-5)
    context = ContextFeatures().fit(blocks)
    assert context.project([], np.ones((context.n_features_out_, 2))).shape == (0, 2)


def test_lexical_projection_equals_the_product_with_its_matrix():
    blocks = _pages_of_blocks()
    lexical = LexicalFeatures(word_features=2**10, edge_features=2**8, html_features=2**6).fit(blocks)
    weights = np.ascontiguousarray(np.random.default_rng(2).normal(size=(lexical.n_features_out_, 4)))
    np.testing.assert_allclose(lexical.project(blocks, weights), lexical.transform(blocks) @ weights, rtol=1e-6)
