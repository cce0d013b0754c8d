# expect: values
"""The error rate unweighted (the fraction of mistakes) instead of the weighted error."""
import numpy as np


def adaboost_update(w, y, h):
    err = np.mean(y != h)
    alpha = 0.5 * np.log((1 - err) / err)
    w = w * np.exp(-alpha * y * h)
    return w / w.sum(), alpha
