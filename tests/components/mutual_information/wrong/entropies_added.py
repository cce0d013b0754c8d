# expect: values
"""H(X) + H(Y) + H(X, Y): the joint entropy added instead of subtracted."""
import numpy as np


def _h(p):
    return -np.sum(p * np.log(p + 1e-7))


def mutual_info(pxy):
    return _h(pxy.sum(axis=1)) + _h(pxy.sum(axis=0)) + _h(pxy)
