# expect: values
"""The log ratio weighted by p(x) p(y) instead of p(x, y): KL(p(x) p(y) || p(x, y)) with the sign flipped."""
import numpy as np


def mutual_info(pxy):
    px = pxy.sum(axis=1, keepdims=True)
    py = pxy.sum(axis=0, keepdims=True)
    return np.sum(px * py * np.log((pxy + 1e-7) / (px * py + 1e-7)))
