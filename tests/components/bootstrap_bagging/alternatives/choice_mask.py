"""rng.choice with replacement; out-of-bag from a boolean 'drawn' mask; hard votes counted with np.bincount."""
import numpy as np


def bootstrap_sample(n, rng):
    idx = rng.choice(n, size=n, replace=True)
    drawn = np.zeros(n, dtype=bool)
    drawn[idx] = True
    return idx, np.flatnonzero(~drawn)


def bagging_predict(probas, voting="soft"):
    M, N, C = probas.shape
    if voting == "soft":
        return probas.sum(axis=0).argmax(axis=-1)
    votes = probas.argmax(axis=-1)
    return np.array([np.bincount(votes[:, i], minlength=C).argmax() for i in range(N)])
