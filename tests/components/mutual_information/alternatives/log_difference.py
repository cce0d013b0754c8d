"""Σ p (log p(x, y) - log p(x) - log p(y)) with the zero cells masked out."""
import numpy as np


def mutual_info(pxy):
    px = pxy.sum(axis=1)[:, None]
    py = pxy.sum(axis=0)[None, :]
    nz = pxy > 0
    terms = np.log(np.where(nz, pxy, 1.0)) - np.log(px) - np.log(py)
    return np.sum(np.where(nz, pxy * terms, 0.0))
