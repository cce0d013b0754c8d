"""np.cov with bias=True (divides by N), samples in rows."""
import numpy as np


def gaussian_mle(X):
    mu = X.mean(axis=0)
    cov = np.cov(X, rowvar=False, bias=True).reshape(X.shape[1], X.shape[1])
    return mu, cov
