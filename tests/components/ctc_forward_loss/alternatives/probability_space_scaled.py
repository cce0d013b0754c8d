"""Probabilities with the per-frame rescaling of Graves' paper (the sum of α kept at 1, the logs of the scales added)."""
import numpy as np


def ctc_loss(log_probs, labels, blank_id=0):
    y = np.exp(log_probs.astype(np.float64))
    ext = np.full(2 * len(labels) + 1, blank_id)
    ext[1::2] = labels
    S, T = len(ext), len(y)
    alpha = np.zeros(S)
    alpha[0], alpha[1] = y[0, ext[0]], y[0, ext[1]]
    c = alpha.sum()
    alpha /= c
    log_p = np.log(c)
    for t in range(1, T):
        new = alpha.copy()
        new[1:] += alpha[:-1]
        skip = np.zeros(S, dtype=bool)
        skip[2:] = (ext[2:] != blank_id) & (ext[2:] != ext[:-2])
        new[2:] += np.where(skip[2:], alpha[:-2], 0.0)
        new *= y[t, ext]
        c = new.sum()
        alpha = new / c
        log_p += np.log(c)
    return -(log_p + np.log(alpha[-1] + alpha[-2]))
