"""Only the misclassified samples scaled, by exp(2 alpha) (sklearn's SAMME update with the ½ alpha): the same
weights after normalisation."""
import numpy as np


def adaboost_update(w, y, h):
    miss = y != h
    err = w[miss].sum() / w.sum()
    alpha = 0.5 * np.log((1 - err) / err)
    new = np.where(miss, w * np.exp(2 * alpha), w)
    return new / new.sum(), alpha
