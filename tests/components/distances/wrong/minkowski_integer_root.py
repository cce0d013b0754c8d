# expect: values
"""Root taken as ** (1 // p): integer division makes it ** 0 for p >= 2."""
import numpy as np


def minkowski(x, y, p):
    return np.sum(np.abs(x - y) ** p) ** (1 // p)


def cosine_distance(x, y):
    return 1 - x @ y / (np.linalg.norm(x) * np.linalg.norm(y))


def mahalanobis(x, y, cov):
    d = x - y
    return np.sqrt(d @ np.linalg.inv(cov) @ d)
