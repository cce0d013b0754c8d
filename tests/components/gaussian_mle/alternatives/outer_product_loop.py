"""A loop summing the outer products (x - mu)(x - mu)^T, in float64, divided by N."""
import numpy as np


def gaussian_mle(X):
    N, D = X.shape
    mu = np.sum(X, axis=0) / N
    cov = np.zeros((D, D))
    for x in X:
        z = (x - mu)[:, None]
        cov += z @ z.T
    return mu, (cov / N).astype(X.dtype)
