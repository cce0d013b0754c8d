"""w copied first, then updated in place with *= and /=; the error as a dot product."""
import numpy as np


def adaboost_update(w, y, h):
    err = w @ (y != h) / w.sum()
    alpha = np.log(np.sqrt((1 - err) / err))
    w = w.copy()
    w *= np.exp(-alpha * y * h)
    w /= w.sum()
    return w, alpha
