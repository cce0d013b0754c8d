"""The percentile written out: sort the magnitudes, interpolate linearly at position sparsity · (n − 1)."""
import math

import numpy as np


def prune(W, sparsity):
    mags = np.sort(np.abs(W).ravel())
    pos = sparsity * (len(mags) - 1)
    lo = math.floor(pos)
    hi = min(lo + 1, len(mags) - 1)
    threshold = mags[lo] + (mags[hi] - mags[lo]) * (pos - lo)
    mask = np.abs(W) > threshold
    pruned = W.copy()
    pruned[~mask] = 0
    return pruned, mask
