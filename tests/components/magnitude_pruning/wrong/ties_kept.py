# expect: values
"""|w| >= threshold: the weight exactly at the threshold is kept (the drill prunes it)."""
import numpy as np


def prune(W, sparsity):
    threshold = np.percentile(np.abs(W), sparsity * 100)
    mask = np.abs(W) >= threshold
    return W * mask, mask
