# expect: shape
"""Returns the distinct DRAWN indices as out-of-bag (the in-bag set)."""
import numpy as np


def bootstrap_sample(n, rng):
    idx = rng.integers(0, n, size=n)
    oob = np.unique(idx)
    return idx, oob


def bagging_predict(probas, voting="soft"):
    if voting == "soft":
        return np.argmax(probas.mean(axis=0), axis=1)
    votes = np.argmax(probas, axis=2)
    C = probas.shape[2]
    counts = np.stack([np.sum(votes == c, axis=0) for c in range(C)], axis=1)
    return np.argmax(counts, axis=1)
