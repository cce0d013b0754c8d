# expect: values
"""Centres each sample (mean over axis=1) instead of each feature."""
import numpy as np


def pca(X, k):
    Xc = X - X.mean(axis=1, keepdims=True)
    w, V = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))
    w, V = w[::-1], V[:, ::-1]
    return Xc @ V[:, :k], w[:k] / w.sum()
