"""Lexical features: hashed word n-grams and line-edge tokens.

Hashing keeps the model file free of any vocabulary drawn from training documents (a model file holds
weights, never text) and lets the transformers stay stateless. Hashed columns are explained by
re-hashing the tokens of the block at hand (:meth:`HashedTokens.explain_tokens`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction import FeatureHasher
from sklearn.feature_extraction.text import HashingVectorizer

from segmenter.blocks import Block

_DIGITS = re.compile(r"\d")
_SHAPE_RUNS = [(re.compile(r"[A-Z]+"), "A"), (re.compile(r"[a-z]+"), "a"), (re.compile(r"\d+"), "0")]
_TOKEN = re.compile(r"\S+")


def _normalise(text: str) -> str:
    return _DIGITS.sub("0", text.lower())


# A capitalised word inside a sentence is a name (of a person, place or body): topic, not genre.
_NAME = re.compile(r"(?<=[a-z0-9,;] )[A-Z][a-z]+(?:[- ][A-Z][a-z]+)*")


def _normalise_masking_names(text: str) -> str:
    return _normalise(_NAME.sub("Xname", text))


def _shape(token: str) -> str:
    for pattern, symbol in _SHAPE_RUNS:
        token = pattern.sub(symbol, token)
    return token[:6]


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
            n_features=self.n_features,
            ngram_range=tuple(self.ngram_range),
            preprocessor=_normalise_masking_names if self.mask_names else _normalise,
            token_pattern=r"(?u)\b\w+\b|[^\w\s]",
            alternate_sign=False,
            norm="l2",
            dtype=np.float32,
        )

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
        tokens = _TOKEN.findall(_normalise(block.body[:200]))
        if not tokens:
            return ["empty"]
        last = _normalise(block.body[-60:]).split()[-1] if block.body.strip() else ""
        raw = _TOKEN.findall(block.body[:80])
        shapes = " ".join(_shape(t) for t in raw[:3])
        n = len(block.body.split())
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
        return self._hasher().transform(self.block_tokens(block) for block in blocks).tocsr()

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
        return self._hasher().transform(list(block.html) for block in blocks).tocsr()

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

