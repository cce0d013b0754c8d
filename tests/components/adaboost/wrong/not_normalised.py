# expect: values
"""The weights not renormalised: they no longer sum to 1."""
import numpy as np


def adaboost_update(w, y, h):
    err = np.sum(w[y != h]) / np.sum(w)
    alpha = 0.5 * np.log((1 - err) / err)
    return w * np.exp(-alpha * y * h), alpha
