"""A fold number per sample, then boolean masks; the pairs returned as lists."""
import numpy as np


def kfold_split(n, k):
    fold_of = np.concatenate([np.full(len(f), i) for i, f in enumerate(np.array_split(np.arange(n), k))])
    idx = np.arange(n)
    return [[idx[fold_of != i], idx[fold_of == i]] for i in range(k)]
