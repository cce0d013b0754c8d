# expect: values
"""Forgot the 1/p-th root: returns the sum of |x - y|**p."""
import numpy as np


def minkowski(x, y, p):
    return np.sum(np.abs(x - y) ** p)


def cosine_distance(x, y):
    return 1 - x @ y / (np.linalg.norm(x) * np.linalg.norm(y))


def mahalanobis(x, y, cov):
    d = x - y
    return np.sqrt(d @ np.linalg.inv(cov) @ d)
