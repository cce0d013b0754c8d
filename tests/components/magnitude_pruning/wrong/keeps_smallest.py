# expect: mistake
"""The mask keeps the smallest magnitudes (|w| < threshold): the important weights are pruned."""
import numpy as np


def prune(W, sparsity):
    threshold = np.percentile(np.abs(W), sparsity * 100)
    mask = np.abs(W) < threshold
    return W * mask, mask
