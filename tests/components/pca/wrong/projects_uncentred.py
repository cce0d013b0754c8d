# expect: values
"""Right components, but projects the raw X instead of the centred data."""
import numpy as np


def pca(X, k):
    Xc = X - X.mean(axis=0)
    w, V = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))
    w, V = w[::-1], V[:, ::-1]
    return X @ V[:, :k], w[:k] / w.sum()
