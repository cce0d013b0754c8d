"""The covariance summed sample by sample in float64; components taken one by one."""
import numpy as np


def pca(X, k):
    X64 = X.astype(np.float64)
    mu = X64.sum(axis=0) / len(X64)
    D = X64.shape[1]
    cov = np.zeros((D, D))
    for x in X64:
        d = (x - mu)[:, None]
        cov += d @ d.T
    cov /= len(X64) - 1
    w, V = np.linalg.eigh(cov)
    idx = np.argsort(w)[::-1][:k]
    Z = np.stack([(X64 - mu) @ V[:, j] for j in idx], axis=1)
    return Z.astype(X.dtype), (w[idx] / w.sum()).astype(X.dtype)
