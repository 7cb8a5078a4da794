"""Lexical features: hashed word n-grams and line-edge tokens.

Hashing keeps the model file free of any vocabulary drawn from training documents (a model file holds
weights, never text) and lets the transformers stay stateless. Hashed columns are explained by
re-hashing the tokens of the block at hand (:meth:`HashedTokens.explain_tokens`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction import FeatureHasher
from sklearn.feature_extraction.text import HashingVectorizer

from segmenter.blocks import Block

_DIGITS = re.compile(r"\d")
_SHAPE_RUNS = [(re.compile(r"[A-Z]+"), "A"), (re.compile(r"[a-z]+"), "a"), (re.compile(r"\d+"), "0")]
_TOKEN = re.compile(r"\S+")
#: Word n-gram tokens: runs of word characters and single other non-space characters. These are the
#: tokens of scikit-learn's ``(?u)\b\w+\b|[^\w\s]`` (a scan only reaches a run at its start), found faster.
_WORD_TOKEN = re.compile(r"\w+|[^\w\s]")


def _normalise(text: str) -> str:
    return _DIGITS.sub("0", text.lower())


# A capitalised word inside a sentence is a name (of a person, place or body): topic, not genre. The same
# matches as r"(?<=[a-z0-9,;] )[A-Z][a-z]+(?:[- ][A-Z][a-z]+)*", but opening with [A-Z] lets the regex
# engine skip to capitals instead of trying the look-behind at every position.
_NAME = re.compile(r"[A-Z](?<=[a-z0-9,;] [A-Z])[a-z]+(?:[- ][A-Z][a-z]+)*")


#: ``_normalise`` of one word; words repeat, so it is cached.
_normalise_word = lru_cache(maxsize=1 << 16)(_normalise)


def _normalise_masking_names(text: str) -> str:
    return _normalise(_NAME.sub("Xname", text))


@lru_cache(maxsize=1 << 16)
def _shape(token: str) -> str:
    for pattern, symbol in _SHAPE_RUNS:
        token = pattern.sub(symbol, token)
    return token[:6]


def hash_token_lists(hasher: FeatureHasher, token_lists: list[list[str]]) -> sp.csr_matrix:
    """``hasher.transform(token_lists)`` (a hasher of strings without alternating signs), hashing each
    distinct token of the batch once: tokens repeat, and hashing them is the costly part."""
    if not token_lists:
        return hasher.transform(token_lists)  # raises as scikit-learn does
    flat = [token for tokens in token_lists for token in tokens]
    distinct = list(dict.fromkeys(flat))
    if not distinct:
        return sp.csr_matrix((len(token_lists), hasher.n_features), dtype=hasher.dtype)
    # Hashed as (token, 1) pairs, which is what a string hasher does with each token, without the generator it
    # wraps around every row.
    pairs = FeatureHasher(hasher.n_features, input_type="pair", dtype=hasher.dtype, alternate_sign=False)
    columns = dict(zip(distinct, pairs.transform([[(token, 1)] for token in distinct]).indices.tolist(), strict=True))
    indptr = np.zeros(len(token_lists) + 1, dtype=np.int64)
    np.cumsum([len(tokens) for tokens in token_lists], out=indptr[1:])
    indices = np.fromiter(map(columns.__getitem__, flat), dtype=np.int32, count=len(flat))
    matrix = sp.csr_matrix(
        (np.ones(len(flat), dtype=hasher.dtype), indices, indptr), shape=(len(token_lists), hasher.n_features)
    )
    matrix.sum_duplicates()  # as FeatureHasher does: adds up repeated tokens, sorts the indices
    return matrix


class HashedTokens(TransformerMixin, BaseEstimator):
    """Base for families whose columns are hashed string tokens; gives names back for explanations."""

    prefix = "tok"

    def fit(self, blocks: Sequence[Block], y=None) -> HashedTokens:
        """Stateless: return ``self``."""
        self.n_features_out_ = self.n_features
        return self

    def block_tokens(self, block: Block) -> list[str]:  # pragma: no cover - abstract
        raise NotImplementedError

    def explain_tokens(self, block: Block) -> dict[int, list[str]]:
        """Map each column this block activates to the readable tokens hashed into it."""
        columns: dict[int, list[str]] = {}
        for token in dict.fromkeys(self.block_tokens(block)):
            column = int(self._hash_one(token).indices[0])
            columns.setdefault(column, []).append(f"{self.prefix}:{token}")
        return columns

    def _hash_one(self, token: str) -> sp.csr_matrix:
        raise NotImplementedError  # pragma: no cover - abstract


class WordNgrams(HashedTokens):
    """Hashed, L2-normalised word uni- and bigrams of a block (lower-cased, digits folded to 0).

    Parameters
    ----------
    n_features : int, default=2**18
        Hash space size.
    ngram_range : tuple of int, default=(1, 2)
        Word n-gram lengths.
    mask_names : bool, default=False
        Replace capitalised words inside sentences by one token, so that names (topics) weigh less.
    """

    prefix = "word"

    def __init__(
        self, n_features: int = 2**18, ngram_range: tuple[int, int] = (1, 2), mask_names: bool = False
    ) -> None:
        self.n_features = n_features
        self.ngram_range = ngram_range
        self.mask_names = mask_names

    def _vectorizer(self) -> HashingVectorizer:
        return HashingVectorizer(
            n_features=self.n_features, analyzer=self._analyze, alternate_sign=False, norm="l2", dtype=np.float32
        )

    def _analyze(self, text: str) -> list[str]:
        """The n-grams of a text, in scikit-learn's word analyzer's order (unigrams, then bigrams, ...)."""
        tokens = _WORD_TOKEN.findall(_normalise_masking_names(text) if self.mask_names else _normalise(text))
        low, high = self.ngram_range
        if high == 1:
            return tokens
        grams = list(tokens) if low == 1 else []
        for n in range(max(low, 2), min(high, len(tokens)) + 1):
            grams += map(" ".join, zip(*(tokens[i:] for i in range(n)), strict=False))
        return grams

    def transform(self, blocks: Sequence[Block]) -> sp.csr_matrix:
        """Return a sparse matrix of shape (n_blocks, n_features)."""
        return self._vectorizer().transform(block.body for block in blocks)

    def block_tokens(self, block: Block) -> list[str]:
        return list(self._vectorizer().build_analyzer()(block.body))

    def _hash_one(self, token: str) -> sp.csr_matrix:
        vectorizer = self._vectorizer().set_params(ngram_range=(1, 1), token_pattern=None, analyzer=lambda _: [token])
        return vectorizer.transform([""])


class EdgeTokens(HashedTokens):
    """Hashed tokens of a line's edges and shape: its first words, last word and word shapes.

    Chrome, datelines, bylines and quote attributions are recognised by how a line starts and ends more
    than by what it says in the middle.

    Parameters
    ----------
    n_features : int, default=2**16
        Hash space size.
    """

    prefix = "edge"

    def __init__(self, n_features: int = 2**16) -> None:
        self.n_features = n_features

    def _hasher(self) -> FeatureHasher:
        return FeatureHasher(n_features=self.n_features, input_type="string", alternate_sign=False, dtype=np.float32)

    def block_tokens(self, block: Block) -> list[str]:
        # Lower-casing keeps white space where it is, so the words of the normalised text are the
        # normalised words; str.split() cuts at the same white space as \S+.
        body = block.body
        head = body[:200].split(None, 2)
        if not head:
            return ["empty"]
        tokens = [_normalise_word(t) for t in head[:2]]
        last = _normalise_word(body[-60:].rsplit(None, 1)[-1]) if body.strip() else ""
        raw = body[:80].split(None, 3)[:3]
        shapes = " ".join(_shape(t) for t in raw)
        n = len(body.split(None, 21))  # counts up to 22, all the length buckets need
        length = "1" if n <= 1 else "2-3" if n <= 3 else "4-8" if n <= 8 else "9-20" if n <= 20 else "21+"
        out = [
            f"first={tokens[0]}",
            f"first2={' '.join(tokens[:2])}",
            f"last={last}",
            f"shape={shapes}",
            f"len={length}",
            f"shape_len={shapes}|{length}",
            f"quote={min(block.quote_depth, 2)}|{_shape(raw[0]) if raw else ''}",
        ]
        return out

    def transform(self, blocks: Sequence[Block]) -> sp.csr_matrix:
        """Return a sparse 0/1 matrix of shape (n_blocks, n_features)."""
        return hash_token_lists(self._hasher(), [self.block_tokens(block) for block in blocks])

    def _hash_one(self, token: str) -> sp.csr_matrix:
        return self._hasher().transform([[token]])


class HtmlStructure(HashedTokens):
    """Hashed structural tokens that an HTML page gives a block (ancestors' tags and classes, quote and
    post containers, link density); all zero for text pages.

    Parameters
    ----------
    n_features : int, default=2**14
        Hash space size.
    """

    prefix = "html"

    def __init__(self, n_features: int = 2**14) -> None:
        self.n_features = n_features

    def _hasher(self) -> FeatureHasher:
        return FeatureHasher(n_features=self.n_features, input_type="string", alternate_sign=False, dtype=np.float32)

    def block_tokens(self, block: Block) -> list[str]:
        return list(block.html)

    def transform(self, blocks: Sequence[Block]) -> sp.csr_matrix:
        """Return a sparse 0/1 matrix of shape (n_blocks, n_features)."""
        return hash_token_lists(self._hasher(), [list(block.html) for block in blocks])

    def _hash_one(self, token: str) -> sp.csr_matrix:
        return self._hasher().transform([[token]])


def hashed_families(
    word_features: int, edge_features: int, html_features: int, mask_names: bool = False
) -> list[HashedTokens]:
    """The lexical families in column order."""
    return [WordNgrams(word_features, mask_names=mask_names), EdgeTokens(edge_features), HtmlStructure(html_features)]


class LexicalFeatures(TransformerMixin, BaseEstimator):
    """Word n-grams, edge tokens and HTML structure tokens side by side (a sparse matrix).

    Parameters
    ----------
    word_features, edge_features, html_features : int
        Hash space sizes of the three families.
    mask_names : bool, default=False
        Whether word n-grams fold names inside sentences into one token.
    """

    def __init__(
        self,
        word_features: int = 2**18,
        edge_features: int = 2**16,
        html_features: int = 2**14,
        mask_names: bool = False,
    ) -> None:
        self.word_features = word_features
        self.edge_features = edge_features
        self.html_features = html_features
        self.mask_names = mask_names

    def families(self) -> list[HashedTokens]:
        """The component families, in column order."""
        return hashed_families(self.word_features, self.edge_features, self.html_features, self.mask_names)

    def fit(self, blocks: Sequence[Block], y=None) -> LexicalFeatures:
        """Stateless: return ``self``."""
        self.n_features_out_ = self.word_features + self.edge_features + self.html_features
        return self

    def transform(self, blocks: Sequence[Block]) -> sp.csr_matrix:
        """Return a sparse matrix of shape (n_blocks, word + edge + html features)."""
        return sp.hstack([family.transform(blocks) for family in self.families()], format="csr")

    def explain_tokens(self, block: Block) -> dict[int, list[str]]:
        """Columns (in this transformer's column space) activated by ``block``, with readable tokens."""
        out: dict[int, list[str]] = {}
        offset = 0
        for family in self.families():
            for column, names in family.explain_tokens(block).items():
                out.setdefault(offset + column, []).extend(names)
            offset += family.n_features
        return out

