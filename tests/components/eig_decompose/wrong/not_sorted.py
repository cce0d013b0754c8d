# expect: values
"""np.linalg.eig's own order (not sorted): the drill asks for decreasing eigenvalues."""
import numpy as np


def eig_decompose(A):
    return np.linalg.eig(A)


def reconstruct(w, V):
    return V @ np.diag(w) @ np.linalg.inv(V)
