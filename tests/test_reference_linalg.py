"""reference.linalg against SciPy (scipy.linalg.eig / eigh / svd) and hand-derived values."""
import numpy as np
import pytest
import scipy.linalg

from reference import linalg


def _columns_equal_up_to_sign(V, U):
    signs = np.sign(np.sum(V * U, axis=0))
    np.testing.assert_allclose(V, U * signs, atol=1e-10)


def test_eig_hand_derived_2x2():
    # [[4, 1], [2, 3]]: λ² - 7λ + 10 = 0 -> 5, 2; eigenvectors (1, 1)/√2 and (1, -2)/√5
    w, V = linalg.eig_decompose(np.array([[4.0, 1.0], [2.0, 3.0]]))
    np.testing.assert_allclose(w, [5.0, 2.0])
    _columns_equal_up_to_sign(V, np.array([[1.0, 1.0], [1.0, -2.0]]) / np.array([np.sqrt(2), np.sqrt(5)]))


def test_eig_matches_scipy_and_reconstructs():
    rng = np.random.default_rng(0)
    P = rng.normal(size=(4, 4))
    A = P @ np.diag([3.0, -1.0, 0.5, 2.0]) @ np.linalg.inv(P)  # non-symmetric, real eigenvalues
    w, V = linalg.eig_decompose(A)
    ws, Vs = scipy.linalg.eig(A)
    order = np.argsort(-ws.real)
    np.testing.assert_allclose(w, ws.real[order], rtol=1e-8)
    _columns_equal_up_to_sign(V, Vs.real[:, order])
    np.testing.assert_allclose(A @ V, V * w, atol=1e-9)
    np.testing.assert_allclose(np.linalg.norm(V, axis=0), 1.0)
    np.testing.assert_allclose(linalg.reconstruct(w, V), A, atol=1e-9)
    assert not np.allclose(V @ np.diag(w) @ V.T, A)  # .T is not the inverse of a non-orthogonal V


def test_eig_symmetric_matches_eigh():
    rng = np.random.default_rng(1)
    B = rng.normal(size=(5, 5))
    S = B + B.T
    w, V = linalg.eig_decompose(S)
    wh, Vh = scipy.linalg.eigh(S)
    np.testing.assert_allclose(w, wh[::-1], rtol=1e-8)
    _columns_equal_up_to_sign(V, Vh[:, ::-1])
    np.testing.assert_allclose(linalg.reconstruct(w, V), V @ np.diag(w) @ V.T, atol=1e-9)


@pytest.mark.parametrize("shape,k", [((6, 4), 2), ((4, 7), 1), ((5, 5), 3)])
def test_svd_lowrank_eckart_young(shape, k):
    A = np.random.default_rng(2).normal(size=shape)
    A_k = linalg.svd_lowrank(A, k)
    U, s, Vh = scipy.linalg.svd(A, full_matrices=False)
    np.testing.assert_allclose(A_k, sum(s[i] * np.outer(U[:, i], Vh[i]) for i in range(k)), atol=1e-10)
    assert np.linalg.matrix_rank(A_k) == k
    # the Frobenius error is sqrt of the sum of the discarded squared singular values
    np.testing.assert_allclose(np.linalg.norm(A - A_k), np.sqrt(np.sum(s[k:] ** 2)), rtol=1e-10)
    # no rank-k matrix from another choice of singular triplets is closer
    other = (U[:, 1:k + 1] * s[1:k + 1]) @ Vh[1:k + 1]
    assert np.linalg.norm(A - other) > np.linalg.norm(A - A_k)


def test_svd_lowrank_full_rank_is_identity():
    A = np.random.default_rng(3).normal(size=(3, 5))
    np.testing.assert_allclose(linalg.svd_lowrank(A, 3), A, atol=1e-12)


def test_hadamard_is_elementwise_not_matmul():
    rng = np.random.default_rng(5)
    A, B = rng.normal(size=(3, 3)), rng.normal(size=(3, 3))
    H = linalg.hadamard(A, B)
    np.testing.assert_array_equal(H, [[A[i, j] * B[i, j] for j in range(3)] for i in range(3)])
    assert not np.allclose(H, A @ B)
    # trace identity: tr(Aᵀ B) = Σ (A ∘ B)
    np.testing.assert_allclose(np.sum(H), np.trace(A.T @ B))


@pytest.mark.parametrize("A,expected", [
    ([[0.0, 1.0], [0.0, 0.0]], 1),
    ([[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [1.0, 0.0, 1.0]], 2),
    ([[1.0, 2.0, 3.0, 4.0, 5.0], [0.0, 1.0, 0.0, 1.0, 0.0], [1.0, 3.0, 3.0, 5.0, 5.0]], 2),
    ([[0.1, 0.2], [0.3, 0.6], [0.7, 1.4], [0.2, 0.4]], 1),
])
def test_rank_hand_derived_and_matrix_rank(A, expected):
    A = np.array(A)
    assert linalg.rank(A) == expected == np.linalg.matrix_rank(A)
    assert linalg.rank(A.astype(np.float32)) == expected
    assert linalg.rank(scipy.linalg.orth(A.T).T) == expected  # an orthonormal basis of the row space


def test_rank_of_random_products():
    rng = np.random.default_rng(6)
    for r in (1, 2, 4):
        A = rng.normal(size=(6, r)) @ rng.normal(size=(r, 5))
        assert linalg.rank(A) == r
