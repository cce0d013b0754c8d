# expect: values
"""Hard voting as the rounded mean of the models' labels instead of the majority."""
import numpy as np


def bootstrap_sample(n, rng):
    idx = rng.integers(0, n, size=n)
    oob = np.setdiff1d(np.arange(n), idx)
    return idx, oob


def bagging_predict(probas, voting="soft"):
    if voting == "soft":
        return np.argmax(probas.mean(axis=0), axis=1)
    votes = np.argmax(probas, axis=2)
    C = probas.shape[2]
    return np.round(votes.mean(axis=0)).astype(int)
