# expect: type
"""Sums over the last axis only: one entropy-like value per row instead of one over the table."""
import numpy as np


def joint_entropy(pxy):
    return -np.sum(pxy * np.log(pxy + 1e-7), axis=-1)
