"""Zero cells left out with a mask (no delta), the table flattened first."""
import numpy as np


def joint_entropy(pxy):
    p = pxy.ravel()
    p = p[p > 0]
    return -np.sum(p * np.log(p))
