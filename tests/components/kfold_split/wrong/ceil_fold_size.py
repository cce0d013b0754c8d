# expect: shape
"""ceil(n / k) per fold: the early folds are right but the last fold is short by more than one."""
import numpy as np


def kfold_split(n, k):
    idx = np.arange(n)
    size = -(-n // k)
    splits = []
    for i in range(k):
        val_idx = idx[i * size:(i + 1) * size]
        train_idx = np.concatenate([idx[:i * size], idx[(i + 1) * size:]])
        splits.append((train_idx, val_idx))
    return splits
