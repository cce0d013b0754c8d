# expect: values
"""exp(+alpha y h): the correctly classified samples gain weight instead of the mistakes."""
import numpy as np


def adaboost_update(w, y, h):
    err = np.sum(w[y != h]) / np.sum(w)
    alpha = 0.5 * np.log((1 - err) / err)
    w = w * np.exp(alpha * y * h)
    return w / w.sum(), alpha
