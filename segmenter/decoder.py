"""Sequence decoding: from per-block label probabilities to clean runs of labels.

A first-order chain over the labels, with start and transition log-probabilities learnt from the
training pages' label sequences. Viterbi gives the best label path; forward-backward gives each
block's posterior marginals, which become the confidence scores. Both are linear in the number of
blocks, and both decode many pages at once (one step of the recursion for all pages together).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

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
    with np.errstate(divide="ignore", invalid="ignore"):  # an unseen transition is log(0) = -inf, on purpose
        log_start = np.log(start / start.sum())
        log_trans = np.log(trans / trans.sum(axis=1, keepdims=True))
    return log_start, log_trans


#: Pages are padded to the longest of their group; a group may hold this many padding rows, or as many
#: as it has real rows, whichever is more. Fewer groups mean fewer (vectorised) steps; this bounds memory.
_PADDING_ALLOWED = 100_000


def page_groups(pages: Sequence[slice], padding_allowed: int = _PADDING_ALLOWED) -> Iterator[list[int]]:
    """Indices of the non-empty pages in groups (longest first) that are processed padded to their
    group's longest page: one group unless padding would waste much memory, i.e. exceed both
    ``padding_allowed`` rows and the group's real rows."""
    order = sorted((k for k, p in enumerate(pages) if p.stop > p.start), key=lambda k: pages[k].start - pages[k].stop)
    group: list[int] = []
    longest = rows = 0
    for k in order:
        length = pages[k].stop - pages[k].start
        if group and longest * (len(group) + 1) - (rows + length) > max(padding_allowed, rows + length):
            yield group
            group, rows = [], 0
        if not group:
            longest = length
        group.append(k)
        rows += length
    if group:
        yield group


def _padded_index(starts: np.ndarray, lengths: np.ndarray, right: bool) -> np.ndarray:
    """Row indices (pages, steps) into the flat block arrays, each page padded with copies of an end row:
    at the end (``right=False``) or, aligned to the last step, at the start (``right=True``)."""
    steps = np.arange(int(lengths.max()))[None, :]
    if right:
        steps = np.maximum(steps - (int(lengths.max()) - lengths[:, None]), 0)
    return starts[:, None] + np.minimum(steps, lengths[:, None] - 1)


def viterbi_pages(
    log_emission: np.ndarray, pages: Sequence[slice], log_start: np.ndarray, log_trans: np.ndarray
) -> np.ndarray:
    """The most likely label path of each page; ``log_emission`` has shape (n_blocks, n_labels) and
    ``pages`` are the blocks' page slices. Each page's path is exactly :func:`viterbi` of that page."""
    path = np.zeros(len(log_emission), dtype=np.int64)
    for group in page_groups(pages):
        starts = np.array([pages[k].start for k in group])
        lengths = np.array([pages[k].stop - pages[k].start for k in group])
        emission = log_emission[_padded_index(starts, lengths, right=False)]  # (pages, steps, labels)
        n_pages, n_steps, _ = emission.shape
        # A group's pages come longest first, so the pages still going at step t are the first active[t].
        active = np.searchsorted(-lengths, -np.arange(n_steps), side="left").tolist()
        score = log_start + emission[:, 0]
        back = np.zeros((n_steps, n_pages, emission.shape[2]), dtype=np.int64)
        for t in range(1, n_steps):
            going = active[t]
            candidates = score[:going, :, None] + log_trans
            back[t, :going] = candidates.argmax(axis=1)
            score[:going] = candidates.max(axis=1) + emission[:going, t]
        rows = np.arange(n_pages)
        current = score.argmax(axis=1)
        best = np.zeros((n_pages, n_steps), dtype=np.int64)
        best[rows, lengths - 1] = current
        for t in range(n_steps - 1, 0, -1):
            going = active[t]
            current[:going] = back[t, rows[:going], current[:going]]
            best[:going, t - 1] = current[:going]
        for k, row in zip(group, best, strict=True):
            path[pages[k]] = row[: pages[k].stop - pages[k].start]
    return path


def posteriors_pages(
    log_emission: np.ndarray, pages: Sequence[slice], log_start: np.ndarray, log_trans: np.ndarray
) -> np.ndarray:
    """Posterior marginal probability of each label at each block, page by page (forward-backward).

    Computed in probability space with per-step scaling, which equals the log-space recursion to
    rounding; a page where the scaling would underflow is decoded in log space.
    """
    n, k = log_emission.shape
    out = np.zeros((n, k))
    start = np.exp(log_start - np.max(log_start))
    trans = np.exp(log_trans - np.max(log_trans))
    emission_all = np.exp(log_emission - log_emission.max(axis=1, keepdims=True)) if n else log_emission
    for group in page_groups(pages):
        starts = np.array([pages[g].start for g in group])
        lengths = np.array([pages[g].stop - pages[g].start for g in group])
        left = _padded_index(starts, lengths, right=False)
        emission = emission_all[left]
        n_pages, n_steps, _ = emission.shape
        alpha = np.empty((n_pages, n_steps, k))
        scale = np.empty((n_pages, n_steps))
        current = start * emission[:, 0]
        for t in range(n_steps):
            if t:
                current = (current @ trans) * emission[:, t]
            scale[:, t] = current.sum(axis=1)
            current = current / scale[:, t, None]
            alpha[:, t] = current
        # Backward over the pages aligned at their last block: right[:, u] is block u - (steps - length).
        right = _padded_index(starts, lengths, right=True)
        emission_right = emission_all[right]
        scale_right = scale[np.arange(n_pages)[:, None], right - starts[:, None]]
        beta_right = np.ones((n_pages, n_steps, k))
        # A page's padding steps repeat its first block, dividing by its first scale again and again: their
        # values may overflow, and are never read (only each page's last ``length`` steps are).
        with np.errstate(over="ignore", invalid="ignore"):
            for u in range(n_steps - 2, -1, -1):
                weighted = emission_right[:, u + 1] * beta_right[:, u + 1] / scale_right[:, u + 1, None]
                beta_right[:, u] = weighted @ trans.T
        for g, (page_index, length) in enumerate(zip(group, lengths.tolist(), strict=True)):
            page = pages[page_index]
            joint = alpha[g, :length] * beta_right[g, n_steps - length :]
            total = joint.sum(axis=1, keepdims=True)
            if not (np.all(np.isfinite(scale[g, :length])) and scale[g, :length].min() > 1e-250 and total.min() > 0):
                out[page] = _posteriors_log(log_emission[page], log_start, log_trans)
            else:
                out[page] = joint / total
    return out


def viterbi(log_emission: np.ndarray, log_start: np.ndarray, log_trans: np.ndarray) -> np.ndarray:
    """The most likely label path for one page; ``log_emission`` has shape (n_blocks, n_labels)."""
    return viterbi_pages(log_emission, [slice(0, len(log_emission))], log_start, log_trans)


def posteriors(log_emission: np.ndarray, log_start: np.ndarray, log_trans: np.ndarray) -> np.ndarray:
    """Posterior marginal probability of each label at each block of one page (forward-backward)."""
    return posteriors_pages(log_emission, [slice(0, len(log_emission))], log_start, log_trans)


def _posteriors_log(log_emission: np.ndarray, log_start: np.ndarray, log_trans: np.ndarray) -> np.ndarray:
    """Forward-backward in log space for one page: slower, immune to underflow."""
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
