# expect: shape
"""np.cov's default rowvar=True treats each row (sample) as a variable: an (N, N) matrix."""
import numpy as np


def gaussian_mle(X):
    mu = np.mean(X, axis=0)
    return mu, np.cov(X, bias=True)
