"""Correctness of reference/nlp.py (count-based word vectors) against independent formulations.

The book's loops against vectorised NumPy (np.add.at windows, the PPMI formula on whole matrices,
sliding_window_view), against PyTorch's cosine similarity, and against the book's printed example
('You say goodbye and I say hello.').
"""
import numpy as np
import pytest
from numpy.lib.stride_tricks import sliding_window_view

from reference.nlp import cos_similarity, create_co_matrix, create_contexts_target, ppmi

# 'you say goodbye and i say hello .' -> ids, as the book's preprocess gives them
BOOK_CORPUS = np.array([0, 1, 2, 3, 4, 1, 5, 6])
BOOK_C = np.array([
    [0, 1, 0, 0, 0, 0, 0],
    [1, 0, 1, 0, 1, 1, 0],
    [0, 1, 0, 1, 0, 0, 0],
    [0, 0, 1, 0, 1, 0, 0],
    [0, 1, 0, 1, 0, 0, 0],
    [0, 1, 0, 0, 0, 0, 1],
    [0, 0, 0, 0, 0, 1, 0]])


def co_matrix_vectorised(corpus, V, window):
    C = np.zeros((V, V), dtype=np.int64)
    for d in range(1, window + 1):
        np.add.at(C, (corpus[d:], corpus[:-d]), 1)
        np.add.at(C, (corpus[:-d], corpus[d:]), 1)
    return C


def test_co_matrix_of_the_book_example():
    C = create_co_matrix(BOOK_CORPUS, 7, window_size=1)
    np.testing.assert_array_equal(C, BOOK_C)
    assert C.dtype == np.int32


@pytest.mark.parametrize("seed, V, L, window", [(0, 5, 20, 1), (1, 8, 40, 2), (2, 3, 9, 3), (3, 6, 30, 4)])
def test_co_matrix_vs_vectorised(seed, V, L, window):
    corpus = np.random.default_rng(seed).integers(0, V, L)
    np.testing.assert_array_equal(create_co_matrix(corpus, V, window), co_matrix_vectorised(corpus, V, window))


def test_ppmi_of_the_book_example():
    W = ppmi(BOOK_C)
    assert W.dtype == np.float32
    # the book prints W[0] = [0. 1.807 0. 0. 0. 0. 0.]
    np.testing.assert_allclose(W[0], [0, 1.807, 0, 0, 0, 0, 0], atol=5e-4)


@pytest.mark.parametrize("seed, V, L, window", [(0, 5, 40, 1), (1, 8, 80, 2), (2, 4, 30, 2)])
def test_ppmi_vs_matrix_formula(seed, V, L, window):
    corpus = np.concatenate([np.arange(V), np.random.default_rng(seed).integers(0, V, L)])
    C = create_co_matrix(corpus, V, window)
    N, S = C.sum(), C.sum(axis=0)
    expected = np.maximum(0, np.log2(C * N / np.outer(S, S) + 1e-8))
    np.testing.assert_allclose(ppmi(C), expected, rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("window", [1, 2, 3])
def test_contexts_target_vs_sliding_window(window):
    corpus = np.random.default_rng(window).integers(0, 9, 15)
    contexts, target = create_contexts_target(corpus, window)
    windows = sliding_window_view(corpus, 2 * window + 1)
    np.testing.assert_array_equal(target, windows[:, window])
    np.testing.assert_array_equal(contexts, np.delete(windows, window, axis=1))


def test_contexts_target_of_the_book_example():
    contexts, target = create_contexts_target(BOOK_CORPUS, 1)
    np.testing.assert_array_equal(target, [1, 2, 3, 4, 1, 5])
    np.testing.assert_array_equal(contexts, [[0, 2], [1, 3], [2, 4], [3, 1], [4, 5], [1, 6]])


@pytest.mark.torch
@pytest.mark.parametrize("D", [1, 3, 10])
def test_cos_similarity_vs_torch(D):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(D)
    x, y = rng.standard_normal(D), rng.standard_normal(D)
    expected = torch.nn.functional.cosine_similarity(torch.tensor(x), torch.tensor(y), dim=0).item()
    # eps 1e-8 is added to each norm (the book); torch clamps the norms: the two agree to ~1e-8 relative
    assert abs(cos_similarity(x, y) - expected) < 1e-7
    assert abs(cos_similarity(x, x) - 1) < 1e-7
    assert cos_similarity(np.zeros(D), y) == 0
