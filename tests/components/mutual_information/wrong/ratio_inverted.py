# expect: values
"""log(p(x) p(y) / p(x, y)): the ratio upside down (a negative number)."""
import numpy as np


def mutual_info(pxy):
    px = pxy.sum(axis=1, keepdims=True)
    py = pxy.sum(axis=0, keepdims=True)
    return np.sum(pxy * np.log((px * py + 1e-7) / (pxy + 1e-7)))
