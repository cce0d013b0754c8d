# expect: values
"""Treats the labels as 1-based (t - 1)."""
import numpy as np


def one_hot(t, K):
    return np.eye(K)[t - 1]
