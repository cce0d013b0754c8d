"""A loop over the images: sort the negatives' indices by loss and mark the first num_neg."""
import numpy as np


def hard_negative_mining(conf_loss, pos_mask, ratio=3):
    neg_mask = np.zeros_like(pos_mask, dtype=bool)
    for n in range(len(conf_loss)):
        negatives = np.flatnonzero(~pos_mask[n])
        k = min(ratio * int(pos_mask[n].sum()), len(negatives))
        hardest = negatives[np.argsort(conf_loss[n, negatives])[::-1][:k]]
        neg_mask[n, hardest] = True
    return neg_mask
