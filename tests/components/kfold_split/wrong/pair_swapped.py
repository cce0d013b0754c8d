# expect: shape
"""(val_idx, train_idx): the pair in the wrong order (one fold trains, k - 1 validate)."""
import numpy as np


def kfold_split(n, k):
    idx = np.arange(n)
    folds = np.array_split(idx, k)
    return [(folds[i], np.concatenate(folds[:i] + folds[i + 1:])) for i in range(k)]
