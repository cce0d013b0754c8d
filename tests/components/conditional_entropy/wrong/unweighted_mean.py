# expect: values
"""The plain mean of H(Y | X = x) over the rows, not weighted by p(x)."""
import numpy as np


def cond_entropy(pxy):
    q = pxy / pxy.sum(axis=1, keepdims=True)
    return np.mean(-np.sum(q * np.log(q + 1e-7), axis=1))
