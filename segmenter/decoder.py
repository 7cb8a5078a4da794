"""Sequence decoding: from per-block label probabilities to clean runs of labels.

A first-order chain over the labels, with start and transition log-probabilities learnt from the
training pages' label sequences. Viterbi gives the best label path; forward-backward gives each
block's posterior marginals, which become the confidence scores. Both are linear in the number of
blocks.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.special import logsumexp


def learn_transitions(sequences: Sequence[Sequence[int]], n_labels: int, smoothing: float = 1.0):
    """Start and transition log-probabilities from label-index sequences (add-``smoothing`` counts)."""
    start = np.full(n_labels, smoothing)
    trans = np.full((n_labels, n_labels), smoothing)
    for seq in sequences:
        if len(seq):
            start[seq[0]] += 1
        for a, b in zip(seq[:-1], seq[1:], strict=False):
            trans[a, b] += 1
    log_start = np.log(start / start.sum())
    log_trans = np.log(trans / trans.sum(axis=1, keepdims=True))
    return log_start, log_trans


def viterbi(log_emission: np.ndarray, log_start: np.ndarray, log_trans: np.ndarray) -> np.ndarray:
    """The most likely label path for one page; ``log_emission`` has shape (n_blocks, n_labels)."""
    n, k = log_emission.shape
    if n == 0:
        return np.zeros(0, dtype=int)
    score = log_start + log_emission[0]
    back = np.zeros((n, k), dtype=np.int64)
    for t in range(1, n):
        candidates = score[:, None] + log_trans
        back[t] = candidates.argmax(axis=0)
        score = candidates.max(axis=0) + log_emission[t]
    path = np.zeros(n, dtype=np.int64)
    path[-1] = int(score.argmax())
    for t in range(n - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    return path


def posteriors(log_emission: np.ndarray, log_start: np.ndarray, log_trans: np.ndarray) -> np.ndarray:
    """Posterior marginal probability of each label at each block (forward-backward, log space)."""
    n, k = log_emission.shape
    if n == 0:
        return np.zeros((0, k))
    alpha = np.empty((n, k))
    beta = np.zeros((n, k))
    alpha[0] = log_start + log_emission[0]
    for t in range(1, n):
        alpha[t] = logsumexp(alpha[t - 1][:, None] + log_trans, axis=0) + log_emission[t]
    for t in range(n - 2, -1, -1):
        beta[t] = logsumexp(log_trans + (log_emission[t + 1] + beta[t + 1])[None, :], axis=1)
    joint = alpha + beta
    return np.exp(joint - logsumexp(joint, axis=1, keepdims=True))
