"""The vectorised feature hashing gives exactly the columns scikit-learn's ``FeatureHasher`` gives."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction import FeatureHasher
from sklearn.utils import murmurhash3_32

from segmenter.features.hashing import LONGEST_VECTORISED, hashed_columns_of, murmur3_32

#: Any text UTF-8 can encode (no lone surrogates), one to four bytes a character.
_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


def _sklearn_columns(strings: list[str], n_features: int) -> np.ndarray:
    hasher = FeatureHasher(n_features, input_type="string", alternate_sign=False)
    return hasher.transform([[s] for s in strings]).indices


@settings(max_examples=200, deadline=None)
@given(st.lists(_TEXT, max_size=30))
def test_hashes_equal_sklearn_murmurhash(strings):
    expected = np.array([murmurhash3_32(s) for s in strings], dtype=np.int32)
    assert np.array_equal(murmur3_32(strings), expected)


@settings(max_examples=100, deadline=None)
@given(st.lists(_TEXT, min_size=1, max_size=30), st.sampled_from([1, 7, 2**14, 2**18]))
def test_columns_equal_feature_hasher(strings, n_features):
    assert np.array_equal(hashed_columns_of(strings, n_features), _sklearn_columns(strings, n_features))


@pytest.mark.parametrize("length", [0, 1, 3, 4, 5, 8, LONGEST_VECTORISED - 1, LONGEST_VECTORISED, 300])
@pytest.mark.parametrize("char", ["a", "é", "€", "\U0001f600"])
def test_every_length_and_width(length, char):
    strings = [char * length, "x", char * (length // 2) + "tail"]
    assert np.array_equal(hashed_columns_of(strings, 2**18), _sklearn_columns(strings, 2**18))


def test_no_strings():
    assert hashed_columns_of([], 16).shape == (0,)


def test_lone_surrogate_raises_like_feature_hasher():
    with pytest.raises(UnicodeEncodeError, match="surrogate"):
        murmur3_32(["ok", "\ud800"])
