"""SVD of the centred data: components are the rows of Vt, variances S**2 (the N - 1 cancels in the ratio)."""
import numpy as np


def pca(X, k):
    Xc = X - X.mean(axis=0)
    U, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    var = S ** 2
    ratio = var[:k] / np.sum(var)
    return U[:, :k] * S[:k], ratio
