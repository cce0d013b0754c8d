# expect: values
"""Counts the non-zero eigenvalues: wrong for non-symmetric (or non-square) matrices."""
import numpy as np


def hadamard(A, B):
    return A * B


def rank(A):
    w = np.linalg.eigvals(A)
    return int(np.sum(np.abs(w) > 1e-9))
