# expect: values
"""H(X) + H(Y): the joint entropy only when X and Y are independent."""
import numpy as np


def joint_entropy(pxy):
    px, py = pxy.sum(axis=1), pxy.sum(axis=0)
    return -np.sum(px * np.log(px + 1e-7)) - np.sum(py * np.log(py + 1e-7))
