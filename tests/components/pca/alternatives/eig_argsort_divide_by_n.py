"""np.linalg.eig on np.cov(..., bias=True) (divides by N), sorted with argsort: same components and ratios."""
import numpy as np


def pca(X, k):
    mean = np.mean(X, axis=0)
    cov = np.cov(X, rowvar=False, bias=True)
    w, V = np.linalg.eig(cov)
    w, V = w.real, V.real
    order = np.argsort(-w)
    ratio = w[order[:k]] / w.sum()
    Z = np.dot(X - mean, V[:, order[:k]])
    return Z, ratio
