# expect: values
"""H(X) - H(X, Y): the chain rule's difference the wrong way round (negative)."""
import numpy as np


def cond_entropy(pxy):
    px = pxy.sum(axis=1)
    return -np.sum(px * np.log(px + 1e-7)) + np.sum(pxy * np.log(pxy + 1e-7))
