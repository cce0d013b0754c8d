# expect: values
"""The last k singular values (the smallest) instead of the first k: np.linalg.svd sorts them decreasing."""
import numpy as np


def svd_lowrank(A, k):
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    return (U[:, -k:] * s[-k:]) @ Vt[-k:]
