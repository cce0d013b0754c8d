# expect: mistake
"""np.percentile given the fraction (0.5) where it takes a percentage (50): almost nothing is pruned."""
import numpy as np


def prune(W, sparsity):
    threshold = np.percentile(np.abs(W), sparsity)
    mask = np.abs(W) > threshold
    return W * mask, mask
