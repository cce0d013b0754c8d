# expect: convention
"""H(X | Y): the marginal over the wrong axis (column sums)."""
import numpy as np


def cond_entropy(pxy):
    py = pxy.sum(axis=0)
    return -np.sum(pxy * np.log(pxy + 1e-7)) + np.sum(py * np.log(py + 1e-7))
