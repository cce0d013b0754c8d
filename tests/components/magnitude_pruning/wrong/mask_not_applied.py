# expect: values
"""The mask is computed but the weights are returned unpruned."""
import numpy as np


def prune(W, sparsity):
    threshold = np.percentile(np.abs(W), sparsity * 100)
    mask = np.abs(W) > threshold
    return W, mask
