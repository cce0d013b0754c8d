# expect: mistake
"""n // k per fold and the remainder pushed into the last fold: fold sizes are off by one (KFold gives the extra
samples to the first n % k folds)."""
import numpy as np


def kfold_split(n, k):
    idx = np.arange(n)
    size = n // k
    splits = []
    for i in range(k):
        stop = (i + 1) * size if i < k - 1 else n
        val_idx = idx[i * size:stop]
        train_idx = np.concatenate([idx[:i * size], idx[stop:]])
        splits.append((train_idx, val_idx))
    return splits
