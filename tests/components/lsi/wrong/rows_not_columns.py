# expect: values
"""The first k rows of U instead of its first k columns."""
import numpy as np


def lsi(M, k):
    """Latent semantic indexing: the first k left singular vectors of M: (V, C) as k-dimensional word vectors.

    U, S, V = np.linalg.svd(M) (singular values in decreasing order) -> U[:, :k]: (V, k). Each column's sign
    is arbitrary (u and −u are both singular vectors).
    """
    U, S, V = np.linalg.svd(M)
    return U[:k].T
