# expect: values
"""V.T in place of inv(V): right only when V is orthogonal (symmetric A)."""
import numpy as np


def eig_decompose(A):
    w, V = np.linalg.eig(A)
    idx = np.argsort(w)[::-1]
    return w[idx], V[:, idx]


def reconstruct(w, V):
    return V @ np.diag(w) @ V.T
