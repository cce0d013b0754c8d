"""Validation sets: the k-fold split of N samples into training and validation indices.

Convention: no shuffling (the folds are consecutive blocks of 0 .. N-1, as sklearn.model_selection.KFold with
shuffle=False). When N % k != 0 the first N % k folds hold one sample more (np.array_split's sizes, as KFold).
"""
import numpy as np


def kfold_split(n, k):
    """k-fold cross-validation indices.

    n: number of samples, k: number of folds (2 <= k <= n).
    Returns a list of k pairs (train_idx, val_idx), int arrays: fold i is the validation set of pair i and the
    other k - 1 folds, in order, are its training set.
    """
    idx = np.arange(n)
    folds = np.array_split(idx, k)
    splits = []
    for i in range(k):
        val_idx = folds[i]
        train_idx = np.concatenate(folds[:i] + folds[i + 1:])
        splits.append((train_idx, val_idx))
    return splits
