# expect: values
"""Treats the third result as V (columns) although np.linalg.svd returns Vᵀ: Vt[:, :k].T."""
import numpy as np


def svd_lowrank(A, k):
    U, s, Vt = np.linalg.svd(A)
    return (U[:, :k] * s[:k]) @ Vt[:, :k].T
