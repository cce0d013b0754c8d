# expect: values
"""Divides by the squared norms (x @ x * y @ y) without the square root."""
import numpy as np


def minkowski(x, y, p):
    return np.sum(np.abs(x - y) ** p) ** (1 / p)


def cosine_distance(x, y):
    return 1 - x @ y / (x @ x * (y @ y))


def mahalanobis(x, y, cov):
    d = x - y
    return np.sqrt(d @ np.linalg.inv(cov) @ d)
