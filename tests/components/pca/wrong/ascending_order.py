# expect: values
"""Forgot that eigh returns ascending eigenvalues: keeps the k directions of SMALLEST variance."""
import numpy as np


def pca(X, k):
    Xc = X - X.mean(axis=0)
    w, V = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))
    return Xc @ V[:, :k], w[:k] / w.sum()
