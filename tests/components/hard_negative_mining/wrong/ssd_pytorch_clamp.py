# expect: convention
"""ssd.pytorch's form: positives' loss set to 0 and num_neg capped at P - 1, so positives are picked when an image
has too few negatives."""
import numpy as np


def hard_negative_mining(conf_loss, pos_mask, ratio=3):
    loss = conf_loss.copy()
    loss[pos_mask] = 0
    num_pos = pos_mask.sum(axis=1, keepdims=True)
    num_neg = np.clip(ratio * num_pos, None, pos_mask.shape[1] - 1)
    loss_idx = np.argsort(-loss, axis=1)
    idx_rank = np.argsort(loss_idx, axis=1)
    return idx_rank < num_neg
