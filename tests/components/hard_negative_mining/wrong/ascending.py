# expect: values
"""np.argsort(loss): the EASIEST negatives (smallest loss) are chosen."""
import numpy as np


def hard_negative_mining(conf_loss, pos_mask, ratio=3):
    loss = np.where(pos_mask, -np.inf, conf_loss)               # positives are never chosen as negatives
    num_pos = np.sum(pos_mask, axis=1, keepdims=True)           # (N, 1)
    num_neg = np.minimum(ratio * num_pos, pos_mask.shape[1] - num_pos)
    order = np.argsort(np.where(pos_mask, np.inf, conf_loss), axis=1)                            # hardest first
    rank = np.argsort(order, axis=1)                             # rank[n, p]: the position of box p in that order
    return rank < num_neg