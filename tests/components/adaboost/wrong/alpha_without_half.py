# expect: convention
"""alpha = log((1 - err) / err) without ½ (AdaBoost.M1 / ESL 10.1): the weights agree, alpha is doubled."""
import numpy as np


def adaboost_update(w, y, h):
    err = np.sum(w[y != h]) / np.sum(w)
    alpha = np.log((1 - err) / err)
    w = w * np.exp(alpha * (y != h))
    return w / w.sum(), alpha
