# expect: values
"""np.linalg.eigh assumes a symmetric matrix (it reads one triangle): wrong for a non-symmetric A."""
import numpy as np


def eig_decompose(A):
    w, V = np.linalg.eigh(A)
    return w[::-1], V[:, ::-1]


def reconstruct(w, V):
    return V @ np.diag(w) @ np.linalg.inv(V)
