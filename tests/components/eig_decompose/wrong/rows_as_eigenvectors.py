# expect: values
"""The eigenvectors reordered as rows (V[idx]) instead of columns (V[:, idx])."""
import numpy as np


def eig_decompose(A):
    w, V = np.linalg.eig(A)
    idx = np.argsort(w)[::-1]
    return w[idx], V[idx]


def reconstruct(w, V):
    return V @ np.diag(w) @ np.linalg.inv(V)
