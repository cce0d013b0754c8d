"""Fold sizes computed by hand as sklearn's KFold, the boundaries walked with a loop."""
import numpy as np


def kfold_split(n, k):
    sizes = np.full(k, n // k)
    sizes[:n % k] += 1
    splits = []
    start = 0
    for size in sizes:
        stop = start + size
        val_idx = np.arange(start, stop)
        train_idx = np.concatenate([np.arange(0, start), np.arange(stop, n)])
        splits.append((train_idx, val_idx))
        start = stop
    return splits
