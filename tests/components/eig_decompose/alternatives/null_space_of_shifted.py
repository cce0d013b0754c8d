"""Eigenvalues from the characteristic polynomial (np.poly / np.roots), each eigenvector as the null space of
A - wI (the last right singular vector); reconstruction with np.linalg.solve instead of inv."""
import numpy as np


def eig_decompose(A):
    D = A.shape[0]
    w = np.sort(np.real(np.roots(np.poly(A.astype(np.float64)))))[::-1]
    V = np.zeros((D, D))
    for i, lam in enumerate(w):
        _, _, Vt = np.linalg.svd(A - lam * np.eye(D))
        V[:, i] = Vt[-1]
    return w.astype(A.dtype), V.astype(A.dtype)


def reconstruct(w, V):
    # A V = V diag(w)  =>  A = (V diag(w)) V^-1, i.e. V^T A^T = (V diag(w))^T
    return np.linalg.solve(V.T, (V * w).T).T
