# expect: shape
"""n // k per fold and the last n % k samples never validated (nor in the last training set's right place)."""
import numpy as np


def kfold_split(n, k):
    idx = np.arange(n)
    size = n // k
    splits = []
    for i in range(k):
        val_idx = idx[i * size:(i + 1) * size]
        train_idx = np.setdiff1d(idx, val_idx)
        splits.append((train_idx, val_idx))
    return splits
