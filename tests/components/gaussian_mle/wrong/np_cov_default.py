# expect: convention
"""The book's step03/mle.py: np.cov's default divides by N - 1 (unbiased), not by N (the MLE)."""
import numpy as np


def gaussian_mle(X):
    mu = np.mean(X, axis=0)
    cov = np.cov(X, rowvar=False)
    return mu, cov
