"""Validation fold by slicing with ceil-sized first folds; training set by np.setdiff1d."""
import numpy as np


def kfold_split(n, k):
    idx = np.arange(n)
    q, r = divmod(n, k)
    out = []
    for i in range(k):
        start = i * q + min(i, r)
        stop = start + q + (1 if i < r else 0)
        val = idx[start:stop]
        out.append((np.setdiff1d(idx, val), val))
    return out
