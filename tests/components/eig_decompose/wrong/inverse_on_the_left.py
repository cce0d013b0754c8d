# expect: values
"""V^-1 diag(w) V: the factors in the wrong order."""
import numpy as np


def eig_decompose(A):
    w, V = np.linalg.eig(A)
    idx = np.argsort(w)[::-1]
    return w[idx], V[:, idx]


def reconstruct(w, V):
    return np.linalg.inv(V) @ np.diag(w) @ V
