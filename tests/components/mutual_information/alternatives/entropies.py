"""I(X; Y) = H(X) + H(Y) - H(X, Y)."""
import numpy as np


def _h(p):
    p = p[p > 0]
    return -np.sum(p * np.log(p))


def mutual_info(pxy):
    return _h(pxy.sum(axis=1)) + _h(pxy.sum(axis=0)) - _h(pxy.ravel())
