# expect: values
"""alpha added to the numerator only: the smoothed probabilities no longer sum to 1 (alpha V missing)."""
import numpy as np


def nb_fit(X, y, n_classes, alpha=1.0):
    N, V = X.shape
    counts = np.zeros((n_classes, V))
    for c in range(n_classes):
        counts[c] = X[y == c].sum(axis=0)
    log_prior = np.log(np.bincount(y, minlength=n_classes) / N)

    log_lik = np.log((counts + alpha) / counts.sum(axis=1, keepdims=True))
    return log_prior, log_lik


def nb_predict(X, log_prior, log_lik):
    return np.argmax(log_prior + X @ log_lik.T, axis=1)

