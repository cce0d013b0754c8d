"""Rows of the identity matrix."""
import numpy as np


def one_hot(t, K):
    return np.eye(K)[t]
