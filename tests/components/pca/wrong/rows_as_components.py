# expect: values
"""Takes the rows of V as the eigenvectors (they are the columns)."""
import numpy as np


def pca(X, k):
    Xc = X - X.mean(axis=0)
    w, V = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))
    w, V = w[::-1], V[:, ::-1]
    return Xc @ V[:k].T, w[:k] / w.sum()
