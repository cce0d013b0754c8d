"""np.quantile (a fraction, not a percentage) and np.where."""
import numpy as np


def prune(W, sparsity):
    mag = np.abs(W)
    thr = np.quantile(mag, sparsity)
    keep = mag > thr
    return np.where(keep, W, 0), keep
