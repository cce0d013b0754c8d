# expect: mistake
"""The training set is every sample, the validation fold included (leakage)."""
import numpy as np


def kfold_split(n, k):
    idx = np.arange(n)
    return [(idx, fold) for fold in np.array_split(idx, k)]
