# expect: mutates_input
"""w *= ... on the argument itself: the caller's weights are overwritten."""
import numpy as np


def adaboost_update(w, y, h):
    err = np.sum(w[y != h]) / np.sum(w)
    alpha = 0.5 * np.log((1 - err) / err)
    w *= np.exp(-alpha * y * h)
    w /= w.sum()
    return w, alpha
