# expect: values
"""Forgot the absolute value: for odd p negative differences cancel (and a fractional power of a negative sum is nan)."""
import numpy as np


def minkowski(x, y, p):
    return np.sum((x - y) ** p) ** (1 / p)


def cosine_distance(x, y):
    return 1 - x @ y / (np.linalg.norm(x) * np.linalg.norm(y))


def mahalanobis(x, y, cov):
    d = x - y
    return np.sqrt(d @ np.linalg.inv(cov) @ d)
