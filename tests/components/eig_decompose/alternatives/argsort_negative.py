"""Sorted with argsort(-w); reconstruction by broadcasting V * w instead of np.diag."""
import numpy as np


def eig_decompose(A):
    w, V = np.linalg.eig(A)
    order = np.argsort(-w)
    return w[order], V[:, order]


def reconstruct(w, V):
    return (V * w) @ np.linalg.inv(V)
