# expect: values
"""Counts singular values that are not exactly 0: rounding leaves ~1e-16 where the exact value is 0."""
import numpy as np


def hadamard(A, B):
    return A * B


def rank(A):
    s = np.linalg.svd(A, compute_uv=False)
    return int(np.sum(s > 0))
