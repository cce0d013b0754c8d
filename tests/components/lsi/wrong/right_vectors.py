# expect: values
"""The right singular vectors (rows of V) instead of U's columns."""
import numpy as np


def lsi(M, k):
    """Latent semantic indexing: the first k left singular vectors of M: (V, C) as k-dimensional word vectors.

    U, S, V = np.linalg.svd(M) (singular values in decreasing order) -> U[:, :k]: (V, k). Each column's sign
    is arbitrary (u and −u are both singular vectors).
    """
    U, S, V = np.linalg.svd(M)
    return V[:k].T
