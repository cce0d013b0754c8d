# expect: values
"""Forgot to centre: X.T @ X is not the covariance and the projection keeps the mean."""
import numpy as np


def pca(X, k):
    w, V = np.linalg.eigh(X.T @ X / (len(X) - 1))
    w, V = w[::-1], V[:, ::-1]
    return X @ V[:, :k], w[:k] / w.sum()
