# expect: exception
"""Marginals without keepdims: px (X,) * py (Y,) does not make the (X, Y) table of products."""
import numpy as np


def mutual_info(pxy):
    px = pxy.sum(axis=1)
    py = pxy.sum(axis=0)
    return np.sum(pxy * np.log((pxy + 1e-7) / (px * py + 1e-7)))
