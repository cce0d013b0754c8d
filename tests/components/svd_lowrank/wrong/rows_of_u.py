# expect: exception
"""U[:k] (rows) instead of U[:, :k] (the first k left singular vectors)."""
import numpy as np


def svd_lowrank(A, k):
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    return (U[:k] * s[:k]) @ Vt[:k]
