# expect: values
"""A @ B (the matrix product) where the Hadamard product A * B is asked."""
import numpy as np


def hadamard(A, B):
    return A @ B


def rank(A):
    return np.linalg.matrix_rank(A)
