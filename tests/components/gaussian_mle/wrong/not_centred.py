# expect: values
"""The second moment X^T X / N without subtracting the mean."""
import numpy as np


def gaussian_mle(X):
    mu = np.mean(X, axis=0)
    return mu, X.T @ X / len(X)
