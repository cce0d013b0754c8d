# expect: values
"""As many negatives as positives: the 3:1 ratio forgotten."""
import numpy as np


def hard_negative_mining(conf_loss, pos_mask, ratio=3):
    loss = np.where(pos_mask, -np.inf, conf_loss)               # positives are never chosen as negatives
    num_pos = np.sum(pos_mask, axis=1, keepdims=True)           # (N, 1)
    num_neg = np.minimum(num_pos, pos_mask.shape[1] - num_pos)
    order = np.argsort(-loss, axis=1)                            # hardest first
    rank = np.argsort(order, axis=1)                             # rank[n, p]: the position of box p in that order
    return rank < num_neg