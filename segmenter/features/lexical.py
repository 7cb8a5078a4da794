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
from sklearn.preprocessing import normalize

from segmenter.blocks import Block
from segmenter.features.distinct import distinct_texts
from segmenter.features.hashing import hashed_columns_of

_DIGITS = re.compile(r"\d")
_SHAPE_RUNS = [(re.compile(r"[A-Z]+"), "A"), (re.compile(r"[a-z]+"), "a"), (re.compile(r"\d+"), "0")]
_TOKEN = re.compile(r"\S+")
#: Word n-gram tokens: runs of word characters and single other non-space characters. These are the
#: tokens of scikit-learn's ``(?u)\b\w+\b|[^\w\s]`` (a scan only reaches a run at its start), found faster.
_WORD_TOKEN = re.compile(r"\w+|[^\w\s]")
_WORD_TOKEN_OR_BREAK = re.compile(r"\w+|[^\w\s]|\n")


def _normalise(text: str) -> str:
    return _DIGITS.sub("0", text.lower())


# A capitalised word inside a sentence is a name (of a person, place or body): topic, not genre. The same
# matches as r"(?<=[a-z0-9,;] )[A-Z][a-z]+(?:[- ][A-Z][a-z]+)*", but opening with [A-Z] lets the regex
# engine skip to capitals instead of trying the look-behind at every position.
_NAME = re.compile(r"[A-Z](?<=[a-z0-9,;] [A-Z])[a-z]+(?:[- ][A-Z][a-z]+)*")


#: ``_normalise`` of one word; words repeat, so it is cached.
_normalise_word = lru_cache(maxsize=1 << 16)(_normalise)


def _positions(items: list[str], item: str) -> np.ndarray:
    """Where ``item`` occurs in ``items``."""
    found = []
    at = -1
    try:
        while True:
            at = items.index(item, at + 1)
            found.append(at)
    except ValueError:
        return np.array(found, dtype=np.int64)


def _normalise_masking_names(text: str) -> str:
    return _normalise(_NAME.sub("Xname", text))


@lru_cache(maxsize=1 << 16)
def _shape(token: str) -> str:
    for pattern, symbol in _SHAPE_RUNS:
        token = pattern.sub(symbol, token)
    return token[:6]


#: The length bucket of a line of ``n`` words (0 < ``n`` <= 22), by ``n``.
_LENGTH_BUCKETS = ["1"] * 2 + ["2-3"] * 2 + ["4-8"] * 5 + ["9-20"] * 12 + ["21+"] * 2


def count_matrix(hasher: FeatureHasher, rows: np.ndarray, columns: np.ndarray, n_rows: int) -> sp.csr_matrix:
    """The matrix of ``n_rows`` rows (``hasher``'s width and type) counting each ``(rows[k], columns[k])``
    pair: what ``hasher`` gives when row ``r`` holds the tokens hashed to ``columns[rows == r]``."""
    if not n_rows:
        return hasher.transform([])  # raises as scikit-learn does
    matrix = sp.csr_matrix(
        (np.ones(len(columns), dtype=hasher.dtype), (np.asarray(rows, dtype=np.int32), columns)),
        shape=(n_rows, hasher.n_features),
    )
    matrix.sum_duplicates()  # as FeatureHasher does: adds up repeated tokens, sorts the indices
    return matrix


def hash_kinds(hasher: FeatureHasher, kinds: Sequence[tuple[str, Sequence[str]]]) -> np.ndarray:
    """The columns of the tokens ``prefix + value`` of each ``(prefix, values)`` kind, in order: each distinct
    value of a kind is joined to its prefix and hashed once."""
    distinct = [list(dict.fromkeys(values)) for _, values in kinds]
    hashed = hashed_columns_of(
        [prefix + value for (prefix, _), values in zip(kinds, distinct, strict=True) for value in values],
        hasher.n_features,
    ).tolist()
    columns, offset = [], 0
    for (_, values), unique in zip(kinds, distinct, strict=True):
        column_of = dict(zip(unique, hashed[offset : offset + len(unique)], strict=True))
        columns.append(np.fromiter(map(column_of.__getitem__, values), dtype=np.int32, count=len(values)))
        offset += len(unique)
    return np.concatenate(columns) if columns else np.zeros(0, dtype=np.int32)


def hash_token_lists(hasher: FeatureHasher, token_lists: list[list[str]]) -> sp.csr_matrix:
    """``hasher.transform(token_lists)`` (a hasher of strings without alternating signs), hashing each
    distinct token of the batch once: tokens repeat, and hashing them is the costly part."""
    rows = np.array([row for row, tokens in enumerate(token_lists) for _ in tokens], dtype=np.int32)
    flat = [token for tokens in token_lists for token in tokens]
    return count_matrix(hasher, rows, hash_kinds(hasher, [("", flat)]), len(token_lists))


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
        """Return a sparse matrix of shape (n_blocks, n_features): what ``HashingVectorizer`` with
        :meth:`_analyze` gives for the blocks' bodies."""
        bodies = [block.body for block in blocks]
        repeats = distinct_texts(bodies)
        if repeats is None:
            return self._transform_bodies(bodies)
        return repeats.spread(self._transform_bodies([bodies[i] for i in repeats.first]))

    def _transform_bodies(self, bodies: list[str]) -> sp.csr_matrix:
        joined = "\n".join(bodies)
        if not bodies or joined.count("\n") != len(bodies) - 1:  # none, or a body holds a line break
            return self._vectorizer().transform(bodies)
        # The batch is normalised and tokenised at once, its bodies joined by line breaks: no name, token or
        # n-gram spans a line break, and lower-casing treats one as the end of a word, as it does a text's end.
        tokens = _WORD_TOKEN_OR_BREAK.findall(
            _normalise_masking_names(joined) if self.mask_names else _normalise(joined)
        )
        breaks_before = np.zeros(len(tokens) + 1, dtype=np.int64)  # [i]: line breaks among tokens[:i]
        breaks_before[_positions(tokens, "\n") + 1] = 1
        np.cumsum(breaks_before, out=breaks_before)
        hasher = FeatureHasher(self.n_features, input_type="string", alternate_sign=False, dtype=np.float32)
        rows, columns = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int32)]
        low, high = self.ngram_range
        for n in range(low, min(high, len(tokens)) + 1):
            count = len(tokens) - n + 1
            inside = breaks_before[n:] == breaks_before[:count]  # no line break among tokens[i : i + n]
            grams = tokens if n == 1 else list(map(" ".join, zip(*(tokens[i:] for i in range(n)), strict=False)))
            rows.append(breaks_before[:count][inside])
            columns.append(hashed_columns_of(grams, hasher.n_features)[inside])
        matrix = count_matrix(hasher, np.concatenate(rows), np.concatenate(columns), len(bodies))
        return normalize(matrix, norm="l2", copy=False)

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
        _, kinds = self.batch_tokens([block])
        return [prefix + value for prefix, values in kinds for value in values]

    @staticmethod
    def batch_tokens(blocks: Sequence[Block]) -> tuple[list[int], list[tuple[str, list[str]]]]:
        """The edge tokens of a batch of blocks, kind by kind: ``(rows, [(prefix, values), ...])``; the
        tokens are each kind's prefix joined to each of its values, the k-th token (over all kinds, in
        order) in row ``rows[k]``.

        A block's tokens are, in order: its first word, first two words, last word, word shapes, length
        bucket, shapes with length, quote depth with the first word's shape; a block without a word has
        the one token ``empty``.
        """
        # Lower-casing keeps white space where it is, so the words of the normalised text are the
        # normalised words; str.split() cuts at the same white space as \S+.
        bodies = [block.body for block in blocks]
        heads = [body[:200].split(None, 2) for body in bodies]
        worded = [i for i, head in enumerate(heads) if head]
        empty: list[int] = []
        if len(worded) < len(blocks):
            empty = [i for i, head in enumerate(heads) if not head]
            bodies = [bodies[i] for i in worded]
            heads = [heads[i] for i in worded]
            blocks = [blocks[i] for i in worded]
        firsts = [_normalise_word(head[0]) for head in heads]
        first_twos = [
            f"{first} {_normalise_word(head[1])}" if len(head) > 1 else first
            for first, head in zip(firsts, heads, strict=True)
        ]
        lasts = [_normalise_word(body[-60:].rsplit(None, 1)[-1]) for body in bodies]
        raws = [body[:80].split(None, 3)[:3] for body in bodies]
        shapes = [" ".join(map(_shape, raw)) for raw in raws]
        lengths = [_LENGTH_BUCKETS[len(body.split(None, 21))] for body in bodies]  # counts up to 22
        quotes = [  # a body that is its block's text has no quote marker
            f"{0 if body is block.text else min(block.quote_depth, 2)}|{_shape(raw[0]) if raw else ''}"
            for block, body, raw in zip(blocks, bodies, raws, strict=True)
        ]
        kinds = [
            ("first=", firsts),
            ("first2=", first_twos),
            ("last=", lasts),
            ("shape=", shapes),
            ("len=", lengths),
            ("shape_len=", [f"{shape}|{length}" for shape, length in zip(shapes, lengths, strict=True)]),
            ("quote=", quotes),
            ("", ["empty"] * len(empty)),
        ]
        return worded * 7 + empty, kinds

    def transform(self, blocks: Sequence[Block]) -> sp.csr_matrix:
        """Return a sparse 0/1 matrix of shape (n_blocks, n_features)."""
        repeats = distinct_texts([block.text for block in blocks])  # the tokens depend on the text alone
        if repeats is not None:
            return repeats.spread(self.transform([blocks[i] for i in repeats.first]))
        rows, kinds = self.batch_tokens(blocks)
        hasher = self._hasher()
        return count_matrix(hasher, np.asarray(rows, dtype=np.int32), hash_kinds(hasher, kinds), len(blocks))

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
        if blocks and not any(block.html for block in blocks):  # text pages
            return sp.csr_matrix((len(blocks), self.n_features), dtype=np.float32)
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

    def project(self, blocks: Sequence[Block], weights: np.ndarray) -> np.ndarray:
        """``self.transform(blocks) @ weights`` for a dense ``weights`` of one row per column, family by
        family, without joining the families' matrices. Row slices of a C-ordered ``weights`` stay
        C-ordered, which spares the sparse products a copy."""
        out = np.zeros((len(blocks), weights.shape[1]))
        offset = 0
        for family in self.families():
            out += family.transform(blocks) @ weights[offset : offset + family.n_features]
            offset += family.n_features
        return out

    def explain_tokens(self, block: Block) -> dict[int, list[str]]:
        """Columns (in this transformer's column space) activated by ``block``, with readable tokens."""
        out: dict[int, list[str]] = {}
        offset = 0
        for family in self.families():
            for column, names in family.explain_tokens(block).items():
                out.setdefault(offset + column, []).extend(names)
            offset += family.n_features
        return out

