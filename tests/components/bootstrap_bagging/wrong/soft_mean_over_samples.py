# expect: shape
"""Averages over the samples (axis=1) instead of the models (axis=0)."""
import numpy as np


def bootstrap_sample(n, rng):
    idx = rng.integers(0, n, size=n)
    oob = np.setdiff1d(np.arange(n), idx)
    return idx, oob


def bagging_predict(probas, voting="soft"):
    if voting == "soft":
        return np.argmax(probas.mean(axis=1), axis=1)
    votes = np.argmax(probas, axis=2)
    C = probas.shape[2]
    counts = np.stack([np.sum(votes == c, axis=0) for c in range(C)], axis=1)
    return np.argmax(counts, axis=1)
