"""Numerically stable sigmoid: exp of a non-positive number only, branch on the sign of x."""
import numpy as np


def sigmoid(x):
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))
