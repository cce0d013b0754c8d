"""E[x x^T] - mu mu^T with einsum."""
import numpy as np


def gaussian_mle(X):
    mu = np.mean(X, axis=0)
    cov = np.einsum("ni,nj->ij", X, X) / len(X) - np.outer(mu, mu)
    return mu, cov
