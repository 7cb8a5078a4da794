"""The block classifier: features, two linear stages and sequence decoding, as one estimator.

Stage one is a multinomial logistic regression over each block's lexical, designed and context
features. Stage two is a small logistic regression over the stage-one probabilities of the block's
neighbourhood, trained on out-of-fold stage-one predictions (stacked sequential learning). A
first-order label chain, learnt from the training pages, then decodes each page: Viterbi for the
labels, forward-backward for per-block confidences, softened by a temperature learnt on out-of-fold
predictions so that a confidence of 0.9 is right about nine times in ten (labels do not depend on it).
Before decoding, a block that repeats an earlier block of its page (a quoted reply) takes a learnt
share of its twin's probabilities: by the annotation rules a repeat carries its original's label,
whatever surrounds it.

Inputs are lists of :class:`~segmenter.blocks.Block`; the blocks of one page are contiguous, in order and
numbered from 0 (``Block.index``), and a page ends where ``Block.page`` changes or the index starts again.
Every fitted quantity is a plain array, so the model is saved without pickle.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from joblib import Parallel, delayed
from scipy.special import softmax
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.utils.validation import check_is_fitted

from segmenter.blocks import Block
from segmenter.decoder import learn_transitions, posteriors_pages, viterbi_pages
from segmenter.features.context import ContextFeatures, earlier_twins, page_slices
from segmenter.features.lexical import LexicalFeatures
from segmenter.labels import LABELS
from segmenter.stacking import stack_feature_names, stack_features

#: Candidate weights of the transition model, chosen in ``fit`` on out-of-fold predictions.
TRANSITION_WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0)
#: Candidate shares of its earlier twin's probabilities in a repeated block's, chosen the same way.
TWIN_WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0)
_BOILERPLATE = LABELS.index("boilerplate")
#: Candidate temperatures of the confidences, chosen in ``fit`` on out-of-fold predictions.
TEMPERATURES = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0)


def with_twins(proba: np.ndarray, twins: np.ndarray, weight: float) -> np.ndarray:
    """``proba`` with each repeated block's row drawn towards its earlier twin's.

    ``twins[i]`` is the row block ``i`` repeats (its page's first occurrence, never itself a repeat),
    or -1. A repeat takes ``weight`` of its twin's probabilities, scaled by how sure the twin is of not
    being chrome: a quoted post or paste keeps its original's label, but a pasted headline that
    repeats the thread's title (chrome) is no chrome itself.
    """
    repeated = np.flatnonzero(twins >= 0)
    if not weight or not len(repeated):
        return proba
    twin_rows = proba[twins[repeated]]
    share = weight * (1.0 - twin_rows[:, _BOILERPLATE, None])
    mixed = proba.copy()
    mixed[repeated] = share * twin_rows + (1.0 - share) * proba[repeated]
    return mixed


def dense_to_csr(dense: np.ndarray) -> sp.csr_matrix:
    """``scipy.sparse.csr_matrix(dense)`` of a 2-D array, the same arrays, built in fewer passes."""
    n_rows, n_columns = dense.shape
    nonzero = dense != 0  # a boolean mask: numpy finds the nonzero entries of one far faster
    flat = np.flatnonzero(nonzero)
    index_dtype = np.int32 if dense.size < 2**31 else np.int64
    indptr = np.zeros(n_rows + 1, dtype=index_dtype)
    np.cumsum(np.count_nonzero(nonzero, axis=1), out=indptr[1:])
    indices = (flat % max(n_columns, 1)).astype(index_dtype)
    return sp.csr_matrix((dense.ravel()[flat], indices, indptr), shape=(n_rows, n_columns))


class BlockClassifier(ClassifierMixin, BaseEstimator):
    """Label the blocks of pages as news, press_release, opinion or boilerplate.

    Parameters
    ----------
    word_features, edge_features, html_features : int
        Hash space sizes of the lexical families (2**18, 2**16, 2**14).
    mask_names : bool, default=True
        Fold capitalised words inside sentences (names: topics) into one token in the word n-grams, so
        that the model learns genre rather than the topics its training documents happen to cover.
    offsets : tuple of int, default=(-2, -1, 1, 2)
        Neighbours whose designed cues are copied into a block's features.
    radii : tuple of int, default=(3, 8)
        Window radii over which neighbours' cues are averaged.
    groups : tuple of str or None, default=None
        Designed cue groups to use; ``None`` uses all of them.
    reach : int, default=15
        Blocks before and after over which each cue's maximum is taken (0: none): a release header or
        a dateline marks the lines of the paste below it.
    C : float, default=1.0
        Inverse regularisation strength of stage one.
    stack : bool, default=True
        Whether to train the second stage over neighbourhood probabilities.
    stack_folds : int, default=3
        Folds (split by page) for the out-of-fold predictions stage two is trained on.
    stack_C : float, default=1.0
        Inverse regularisation strength of stage two.
    max_iter : int, default=300
        Iteration cap of the logistic regressions.
    n_jobs : int or None, default=None
        Processes for the out-of-fold fits (joblib semantics); results do not depend on it.
    """

    def __init__(
        self,
        word_features: int = 2**18,
        edge_features: int = 2**16,
        html_features: int = 2**14,
        mask_names: bool = True,
        offsets: tuple[int, ...] = (-2, -1, 1, 2),
        radii: tuple[int, ...] = (3, 8),
        groups: tuple[str, ...] | None = None,
        reach: int = 15,
        C: float = 1.0,
        stack: bool = True,
        stack_folds: int = 3,
        stack_C: float = 1.0,
        max_iter: int = 300,
        n_jobs: int | None = None,
    ) -> None:
        self.word_features = word_features
        self.edge_features = edge_features
        self.html_features = html_features
        self.mask_names = mask_names
        self.offsets = offsets
        self.radii = radii
        self.groups = groups
        self.reach = reach
        self.C = C
        self.stack = stack
        self.stack_folds = stack_folds
        self.stack_C = stack_C
        self.max_iter = max_iter
        self.n_jobs = n_jobs

    # -- features -------------------------------------------------------------------------------
    @property
    def n_lexical_features(self) -> int:
        """Columns of the lexical families: the first columns of the stage-one matrix and weights."""
        return self.word_features + self.edge_features + self.html_features

    def lexical_(self) -> LexicalFeatures:
        """The lexical transformer these parameters describe."""
        return LexicalFeatures(self.word_features, self.edge_features, self.html_features, self.mask_names)

    def context_(self) -> ContextFeatures:
        """The context transformer these parameters describe."""
        return ContextFeatures(tuple(self.offsets), tuple(self.radii), self.groups, self.reach)

    def features(self, blocks: Sequence[Block]) -> sp.csr_matrix:
        """Stage-one feature matrix: lexical columns, then the dense context columns."""
        lexical = self.lexical_().transform(blocks)
        context = dense_to_csr(self.context_().transform(blocks))
        return sp.hstack([lexical, context], format="csr")

    def feature_names(self) -> list[str]:
        """Names of the dense (designed and context) stage-one columns; hashed columns are named per block."""
        return list(self.context_().get_feature_names_out())

    # -- fitting --------------------------------------------------------------------------------
    def fit(self, blocks: Sequence[Block], y: Sequence[str], sample_weight=None) -> BlockClassifier:
        """Fit both stages and the label chain on the blocks of whole pages; returns ``self``."""
        blocks = list(blocks)
        y_index = self._encode(y)
        if len(blocks) != len(y_index) or not blocks:
            raise ValueError("fit needs as many labels as blocks, and at least one block")
        weight = np.ones(len(blocks)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
        self.classes_ = np.array(LABELS)
        X = self.features(blocks)
        self.n_features_in_ = X.shape[1]
        self.coef_, self.intercept_ = self._fit_linear(X, y_index, weight, self.C)
        pages = page_slices(blocks)
        sequences = [y_index[p] for p in pages]
        self.log_start_, self.log_trans_ = learn_transitions(sequences, len(LABELS))
        if self.stack:
            folds = self._page_folds(pages)
            oof = self._out_of_fold(X, y_index, weight, folds, self.C) if folds else self._linear_proba(
                X, self.coef_, self.intercept_)
            Z = stack_features(blocks, oof)
            self.stack_coef_, self.stack_intercept_ = self._fit_linear(Z, y_index, weight, self.stack_C)
            # The chain's weight is chosen on stage-two predictions for pages stage two did not see either.
            emission = self._out_of_fold(Z, y_index, weight, folds, self.stack_C) if folds else self._linear_proba(
                Z, self.stack_coef_, self.stack_intercept_)
        else:
            self.stack_coef_ = np.zeros((len(LABELS), 0))
            self.stack_intercept_ = np.zeros(len(LABELS))
            emission = self._linear_proba(X, self.coef_, self.intercept_)
        twins = earlier_twins(blocks, pages)
        self.twin_weight_, self.transition_weight_ = self._choose_decoding_weights(
            emission, twins, y_index, weight, pages
        )
        emission = with_twins(emission, twins, self.twin_weight_)
        self.temperature_ = self._choose_temperature(emission, y_index, weight, pages)
        return self

    def _encode(self, y: Sequence[str]) -> np.ndarray:
        index = {label: k for k, label in enumerate(LABELS)}
        try:
            return np.array([index[label] for label in y], dtype=np.int64)
        except KeyError as err:
            raise ValueError(f"unknown label {err.args[0]!r}; expected one of {', '.join(LABELS)}") from None

    def _fit_linear(self, X, y_index: np.ndarray, weight: np.ndarray, C: float) -> tuple[np.ndarray, np.ndarray]:
        """A multinomial logistic regression, returned as full (n_labels, n_columns) weights."""
        coef = np.zeros((len(LABELS), X.shape[1]), dtype=np.float32)
        intercept = np.full(len(LABELS), -30.0)
        present = np.unique(y_index)
        if len(present) == 1:
            intercept[present[0]] = 0.0
            return coef, intercept
        # Columns no training block uses would keep a zero weight anyway; leaving them out of the
        # optimisation is exact and makes L-BFGS several times faster on hashed features.
        active = np.unique(X.indices) if sp.issparse(X) else np.arange(X.shape[1])
        model = LogisticRegression(C=C, max_iter=self.max_iter, tol=1e-3)
        model.fit(X[:, active], y_index, sample_weight=weight)
        if len(present) == 2:  # binary: one row of weights for the second class
            coef[present[1], active] = model.coef_[0]
            intercept[present] = [0.0, model.intercept_[0]]
        else:
            coef[np.ix_(present, active)] = model.coef_
            intercept[present] = model.intercept_
        return coef, intercept

    def _page_folds(self, pages: list[slice]) -> list[tuple[np.ndarray, np.ndarray]]:
        """Train/test block indices of ``stack_folds`` folds that never split a page (none for one page)."""
        if len(pages) < 2:
            return []
        groups = np.concatenate([np.full(p.stop - p.start, k) for k, p in enumerate(pages)])
        splitter = GroupKFold(n_splits=min(self.stack_folds, len(pages)))
        return list(splitter.split(np.zeros(len(groups)), groups=groups))

    def _out_of_fold(self, X, y_index, weight, folds, C: float) -> np.ndarray:
        """Probabilities of each block from a linear model fitted on the other folds' pages."""
        fitted = Parallel(n_jobs=self.n_jobs)(
            delayed(self._fit_linear)(X[train], y_index[train], weight[train], C) for train, _ in folds
        )
        out = np.zeros((X.shape[0], len(LABELS)))
        for (_, test), (coef, intercept) in zip(folds, fitted, strict=True):
            out[test] = self._linear_proba(X[test], coef, intercept)
        return out

    def _choose_decoding_weights(self, emission, twins, y_index, weight, pages) -> tuple[float, float]:
        """The twin share and chain weight that decode the most (weighted) training blocks right, from
        emission probabilities of pages the stages did not see; ties go to the smaller weights."""
        best, best_score = (0.0, 0.0), -1.0
        for twin_weight in TWIN_WEIGHTS if (twins >= 0).any() else (0.0,):
            log_proba = np.log(np.clip(with_twins(emission, twins, twin_weight), 1e-12, None))
            for w in TRANSITION_WEIGHTS:
                decoded = viterbi_pages(log_proba, pages, *self._log_chain(w))
                right = float(weight[decoded == y_index].sum())
                if right > best_score + 1e-9:
                    best, best_score = (twin_weight, w), right
        return best

    def _choose_temperature(self, emission, y_index, weight, pages) -> float:
        """The temperature whose posteriors give the training blocks' labels the highest (weighted) log
        likelihood, from emission probabilities of pages the stages did not see."""
        log_proba = np.log(np.clip(emission, 1e-12, None))
        start, trans = self._log_chain(self.transition_weight_)
        rows = np.arange(len(y_index))
        best, best_loss = 1.0, np.inf
        for t in TEMPERATURES:
            posterior = posteriors_pages(log_proba / t, pages, start / t, trans / t)
            loss = -float(weight @ np.log(np.clip(posterior[rows, y_index], 1e-12, None)))
            if loss < best_loss - 1e-9:
                best, best_loss = t, loss
        return best

    # -- prediction -----------------------------------------------------------------------------
    @staticmethod
    def _linear_proba(X, coef: np.ndarray, intercept: np.ndarray) -> np.ndarray:
        scores = X @ coef.T + intercept
        return softmax(np.asarray(scores, dtype=np.float64), axis=1)

    def _stage_one_proba(self, blocks: list[Block]) -> np.ndarray:
        """:meth:`_linear_proba` of the stage-one features with the stage-one weights, each family's
        product taken on its own (``project``) rather than over the joined feature matrix. The weights
        are transposed once per fitted model rather than once per call (a sparse product copies a
        transposed dense operand into C order)."""
        cached = getattr(self, "_coef_columns", None)
        if cached is None or cached[0] is not self.coef_:
            cached = self._coef_columns = (self.coef_, np.ascontiguousarray(self.coef_.T))
        columns = cached[1]
        width = self.n_lexical_features
        scores = self.lexical_().project(blocks, columns[:width]) + self.context_().project(blocks, columns[width:])
        return softmax(scores + self.intercept_, axis=1)

    def block_proba(self, blocks: Sequence[Block]) -> np.ndarray:
        """Per-block probabilities before sequence decoding (stage two if stacked, else stage one), with
        repeated blocks drawn towards their earlier twins'."""
        check_is_fitted(self, "coef_")
        blocks = list(blocks)
        if not blocks:
            return np.zeros((0, len(LABELS)))
        proba = self._stage_one_proba(blocks)
        if self.stack_coef_.shape[1]:
            proba = self._linear_proba(stack_features(blocks, proba), self.stack_coef_, self.stack_intercept_)
        if self.twin_weight_:
            proba = with_twins(proba, earlier_twins(blocks, page_slices(blocks)), self.twin_weight_)
        return proba

    def _log_chain(self, w: float) -> tuple[np.ndarray, np.ndarray]:
        return w * self.log_start_, w * self.log_trans_

    def decode(self, blocks: Sequence[Block]) -> tuple[np.ndarray, np.ndarray]:
        """Decoded label indices and posterior marginals (n_blocks, n_labels) for blocks of pages."""
        blocks = list(blocks)
        proba = self.block_proba(blocks)
        log_proba = np.log(np.clip(proba, 1e-12, None))
        start, trans = self._log_chain(self.transition_weight_)
        pages = page_slices(blocks)
        t = self.temperature_  # dividing every log term by t leaves the best path as it is
        posteriors = posteriors_pages(log_proba / t, pages, start / t, trans / t)
        return viterbi_pages(log_proba, pages, start, trans), posteriors

    def predict(self, blocks: Sequence[Block]) -> np.ndarray:
        """Decoded labels (strings) of the blocks."""
        labels, _ = self.decode(blocks)
        return self.classes_[labels]

    def predict_proba(self, blocks: Sequence[Block]) -> np.ndarray:
        """Posterior marginal probability of each label for each block (columns in ``classes_`` order)."""
        return self.decode(blocks)[1]

    # -- explanation ----------------------------------------------------------------------------
    def explain(self, blocks: Sequence[Block], index: int, top: int = 10) -> dict:
        """Which features pushed block ``index`` (of one page's ``blocks``) towards each label.

        Stage one's contributions are exact (value × weight per feature, hashed columns named by the
        n-grams of this block that hash there); stage two's are given over neighbourhood probabilities.
        """
        check_is_fitted(self, "coef_")
        blocks = list(blocks)
        block = blocks[index]
        row = self.features(blocks)[index]
        hashed_names = self.lexical_().explain_tokens(block)
        dense_names = self.feature_names()
        n_lexical = self.n_lexical_features
        columns, values = row.indices, row.data

        def name(column: int) -> str:
            if column < n_lexical:
                return " | ".join(hashed_names.get(column, [f"hash#{column}"]))
            return str(dense_names[column - n_lexical])

        stage_one = {}
        for k, label in enumerate(LABELS):
            contributions = values * self.coef_[k, columns]
            order = np.argsort(-np.abs(contributions))[:top]
            stage_one[label] = [
                (name(int(columns[j])), float(values[j]), float(self.coef_[k, columns[j]]), float(contributions[j]))
                for j in order
            ]
        result = {
            "contributions": stage_one,
            "intercept": {label: float(self.intercept_[k]) for k, label in enumerate(LABELS)},
        }
        if self.stack_coef_.shape[1]:
            first = self._linear_proba(self.features(blocks), self.coef_, self.intercept_)
            z = stack_features(blocks, first)[index]
            names = stack_feature_names()
            result["stage_two"] = {}
            for k, label in enumerate(LABELS):
                contributions = z * self.stack_coef_[k]
                order = np.argsort(-np.abs(contributions))[:top]
                result["stage_two"][label] = [
                    (names[j], float(z[j]), float(self.stack_coef_[k, j]), float(contributions[j])) for j in order
                ]
        return result
