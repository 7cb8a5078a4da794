"""Sequence decoding: Viterbi and forward-backward on small hand-checked chains."""

import numpy as np

from segmenter.decoder import learn_transitions, posteriors, viterbi


def test_transitions_are_learnt_from_sequences():
    log_start, log_trans = learn_transitions([[0, 0, 1], [0, 1, 1]], 2, smoothing=0.0)
    assert np.allclose(np.exp(log_start), [1.0, 0.0])
    assert np.allclose(np.exp(log_trans), [[1 / 3, 2 / 3], [0.0, 1.0]])


def test_viterbi_smooths_an_isolated_flip():
    emission = np.log(np.array([[0.9, 0.1], [0.45, 0.55], [0.9, 0.1]]))
    sticky = np.log(np.array([[0.95, 0.05], [0.05, 0.95]]))
    start = np.log(np.array([0.5, 0.5]))
    assert viterbi(emission, start, sticky).tolist() == [0, 0, 0]
    assert viterbi(emission, start, np.log(np.full((2, 2), 0.5))).tolist() == [0, 1, 0]


def test_posteriors_are_distributions_and_match_brute_force():
    rng = np.random.default_rng(0)
    emission = np.log(rng.dirichlet([1, 1, 1], size=4))
    start = np.log(rng.dirichlet([1, 1, 1]))
    trans = np.log(rng.dirichlet([1, 1, 1], size=3))
    marginals = posteriors(emission, start, trans)
    brute = np.zeros((4, 3))
    for path in np.ndindex(3, 3, 3, 3):
        score = start[path[0]] + sum(emission[t, s] for t, s in enumerate(path))
        score += sum(trans[a, b] for a, b in zip(path[:-1], path[1:], strict=False))
        for t, s in enumerate(path):
            brute[t, s] += np.exp(score)
    assert np.allclose(marginals, brute / brute.sum(axis=1, keepdims=True))


def test_empty_page():
    empty = np.zeros((0, 2))
    assert viterbi(empty, np.zeros(2), np.zeros((2, 2))).size == 0
    assert posteriors(empty, np.zeros(2), np.zeros((2, 2))).shape == (0, 2)


def test_viterbi_of_pages_of_different_lengths_finds_each_best_path():
    from segmenter.decoder import viterbi_pages

    rng = np.random.default_rng(1)
    start = np.log(rng.dirichlet([1, 1, 1]))
    trans = np.log(rng.dirichlet([1, 1, 1], size=3))
    lengths = [4, 1, 5, 2, 5, 3]
    emission = np.log(rng.dirichlet([1, 1, 1], size=sum(lengths)))
    edges = np.cumsum([0, *lengths])
    pages = [slice(int(a), int(b)) for a, b in zip(edges[:-1], edges[1:], strict=True)]
    paths = viterbi_pages(emission, pages, start, trans)
    for page, length in zip(pages, lengths, strict=True):

        def score(path, e=emission[page]):
            total = start[path[0]] + sum(e[t, s] for t, s in enumerate(path))
            return total + sum(trans[a, b] for a, b in zip(path[:-1], path[1:], strict=False))

        best = max(np.ndindex(*[3] * length), key=score)
        assert paths[page].tolist() == list(best)


def test_a_short_page_beside_a_long_one_decodes_as_alone_and_quietly():
    import warnings

    from segmenter.decoder import posteriors_pages

    rng = np.random.default_rng(2)
    start, trans = np.log([1e-6, 0.3, 0.3, 0.4 - 1e-6]), np.log(rng.dirichlet([1, 1, 1, 1], size=4))
    lengths = [3000, 2, 40]  # the short pages are padded to the long one's steps
    emission = np.log(np.clip(rng.dirichlet([0.1] * 4, size=sum(lengths)), 1e-12, None))
    emission[3000:3002] = np.log([1.0, 1e-12, 1e-12, 1e-12])  # an unlikely start, surely seen: a tiny first scale
    edges = np.cumsum([0, *lengths])
    pages = [slice(int(a), int(b)) for a, b in zip(edges[:-1], edges[1:], strict=True)]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        together = posteriors_pages(emission, pages, start, trans)
    for page in pages:
        np.testing.assert_allclose(together[page], posteriors(emission[page], start, trans), atol=1e-9)
