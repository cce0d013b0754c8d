# expect: values
"""alpha from the odds the wrong way round: ½ log(err / (1 - err)) is negative."""
import numpy as np


def adaboost_update(w, y, h):
    err = np.sum(w[y != h]) / np.sum(w)
    alpha = 0.5 * np.log(err / (1 - err))
    w = w * np.exp(-alpha * y * h)
    return w / w.sum(), alpha
