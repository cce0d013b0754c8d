# expect: values
"""Shuffles the indices although the drill asks for KFold without shuffling."""
import numpy as np


def kfold_split(n, k):
    idx = np.random.default_rng(0).permutation(n)
    folds = np.array_split(idx, k)
    return [(np.sort(np.concatenate(folds[:i] + folds[i + 1:])), np.sort(folds[i])) for i in range(k)]
