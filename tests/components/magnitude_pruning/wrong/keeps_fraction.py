# expect: values
"""The percentile at 1 − sparsity: keeps the fraction sparsity instead of pruning it."""
import numpy as np


def prune(W, sparsity):
    threshold = np.percentile(np.abs(W), (1 - sparsity) * 100)
    mask = np.abs(W) > threshold
    return W * mask, mask
