"""np.linalg.norm(ord=p), np.dot, and Σ⁻¹ d by np.linalg.solve instead of an explicit inverse."""
import numpy as np


def minkowski(x, y, p):
    return np.linalg.norm(x - y, ord=p)


def cosine_distance(x, y):
    return 1.0 - np.dot(x, y) / np.sqrt(np.dot(x, x) * np.dot(y, y))


def mahalanobis(x, y, cov):
    d = (x - y).astype(np.float64)
    return float(np.sqrt(d @ np.linalg.solve(cov.astype(np.float64), d)))
