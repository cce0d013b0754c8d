# expect: mistake
"""one_hot[:, t] = 1: every row gets a 1 in every column that occurs in t."""
import numpy as np


def one_hot(t, K):
    out = np.zeros((t.shape[0], K))
    out[:, t] = 1
    return out
