# expect: convention
"""Mutual information in bits (log2)."""
import numpy as np


def mutual_info(pxy):
    px = pxy.sum(axis=1, keepdims=True)
    py = pxy.sum(axis=0, keepdims=True)
    return np.sum(pxy * np.log2((pxy + 1e-7) / (px * py + 1e-7)))
