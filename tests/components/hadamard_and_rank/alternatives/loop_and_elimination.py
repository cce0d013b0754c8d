"""A double loop for the product; the rank by Gaussian elimination with partial pivoting (float64)."""
import numpy as np


def hadamard(A, B):
    out = np.empty_like(A)
    for i in range(A.shape[0]):
        for j in range(A.shape[1]):
            out[i, j] = A[i, j] * B[i, j]
    return out


def rank(A):
    M = A.astype(np.float64).copy()
    tol = 1e-9 * max(1.0, np.abs(M).max())
    r = 0
    for col in range(M.shape[1]):
        pivot = r + np.argmax(np.abs(M[r:, col])) if r < M.shape[0] else None
        if pivot is None or abs(M[pivot, col]) <= tol:
            continue
        M[[r, pivot]] = M[[pivot, r]]
        M[r + 1:] -= np.outer(M[r + 1:, col] / M[r, col], M[r])
        r += 1
    return r
