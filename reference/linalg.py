"""Linear algebra: element-wise vs matrix products, rank, eigendecomposition, SVD and low-rank approximation.

Matrices are NumPy 2-D arrays; vectors of a decomposition are the columns of V (A @ V[:, i] = w[i] * V[:, i]),
as np.linalg.eig returns them.
"""
import numpy as np


def hadamard(A, B):
    """The Hadamard (element-wise) product A ∘ B: (A ∘ B)[i, j] = A[i, j] * B[i, j].

    A, B: the same shape. Returns that shape. Not the matrix product A @ B (rows times columns).
    """
    return A * B


def rank(A):
    """The rank of A: the number of singular values above a tolerance (np.linalg.matrix_rank's rule).

    A: (M, N). Singular values that are 0 in exact arithmetic come out as ~1e-16 in floating point, so they are
    counted only above tol = s.max() * max(M, N) * eps. Returns an int.
    """
    s = np.linalg.svd(A, compute_uv=False)
    tol = s.max() * max(A.shape) * np.finfo(A.dtype).eps
    return int(np.sum(s > tol))


def eig_decompose(A):
    """Eigenvalues and eigenvectors of a square matrix with real eigenvalues.

    A: (D, D). Returns w (D,) in decreasing order and V (D, D) whose column V[:, i] is the unit eigenvector
    of w[i]. Works for any diagonalisable A (np.linalg.eigh would assume A symmetric).
    """
    w, V = np.linalg.eig(A)
    idx = np.argsort(w)[::-1]
    w = w[idx]
    V = V[:, idx]
    return w, V


def reconstruct(w, V):
    """A = V diag(w) V^-1 from eigenvalues w (D,) and eigenvectors V (D, D) as columns.

    V^-1 equals V.T only when V is orthogonal (a symmetric A); np.linalg.inv is right for every A.
    """
    return V @ np.diag(w) @ np.linalg.inv(V)


def svd_lowrank(A, k):
    """The best rank-k approximation of A (Eckart-Young): the k largest singular values and their vectors.

    A: (M, N), 1 <= k <= min(M, N). Returns A_k (M, N). np.linalg.svd returns U (M, K), s (K,) in decreasing
    order and Vt = V^T (K, N) with K = min(M, N) (full_matrices=False): the right singular vectors are Vt's rows.
    """
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    A_k = (U[:, :k] * s[:k]) @ Vt[:k]
    return A_k
