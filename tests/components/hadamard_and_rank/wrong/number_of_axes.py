# expect: values
"""A.ndim: the "rank" of a tensor in NumPy's sense (its number of axes), not the matrix rank."""
import numpy as np


def hadamard(A, B):
    return A * B


def rank(A):
    return A.ndim
