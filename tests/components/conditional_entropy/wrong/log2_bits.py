# expect: convention
"""H(Y | X) in bits (log2)."""
import numpy as np


def cond_entropy(pxy):
    px = pxy.sum(axis=1)
    return -np.sum(pxy * np.log2(pxy + 1e-7)) + np.sum(px * np.log2(px + 1e-7))
