# expect: values
"""Explained ratio divided by the sum of the k kept eigenvalues instead of all of them."""
import numpy as np


def pca(X, k):
    Xc = X - X.mean(axis=0)
    w, V = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))
    w, V = w[::-1], V[:, ::-1]
    return Xc @ V[:, :k], w[:k] / w[:k].sum()
