# expect: values
"""Sorted ascending (np.linalg.eigh's order) where the drill asks for decreasing."""
import numpy as np


def eig_decompose(A):
    w, V = np.linalg.eig(A)
    idx = np.argsort(w)
    return w[idx], V[:, idx]


def reconstruct(w, V):
    return V @ np.diag(w) @ np.linalg.inv(V)
