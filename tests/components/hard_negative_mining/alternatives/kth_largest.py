"""The k-th largest negative loss per image as a threshold (np.sort descending along the row)."""
import numpy as np


def hard_negative_mining(conf_loss, pos_mask, ratio=3):
    loss = np.where(pos_mask, -np.inf, conf_loss)
    k = np.minimum(ratio * pos_mask.sum(axis=1), (~pos_mask).sum(axis=1))
    srt = -np.sort(-loss, axis=1)
    out = np.zeros(loss.shape, dtype=bool)
    for n in range(len(loss)):
        if k[n] > 0:
            out[n] = loss[n] >= srt[n, k[n] - 1]
    return out
