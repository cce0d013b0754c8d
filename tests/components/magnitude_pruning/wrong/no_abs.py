# expect: mistake
"""The threshold and the mask on the signed weights: every large negative weight is pruned."""
import numpy as np


def prune(W, sparsity):
    threshold = np.percentile(W, sparsity * 100)
    mask = W > threshold
    return W * mask, mask
