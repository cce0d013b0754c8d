# expect: values
"""min(M, N): the largest rank possible, not the rank."""
import numpy as np


def hadamard(A, B):
    return A * B


def rank(A):
    return min(A.shape)
