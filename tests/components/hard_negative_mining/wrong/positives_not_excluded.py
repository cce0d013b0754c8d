# expect: values
"""The positives are ranked with the negatives: a hard positive takes a negative's place."""
import numpy as np


def hard_negative_mining(conf_loss, pos_mask, ratio=3):
    loss = conf_loss               # positives are never chosen as negatives
    num_pos = np.sum(pos_mask, axis=1, keepdims=True)           # (N, 1)
    num_neg = np.minimum(ratio * num_pos, pos_mask.shape[1] - num_pos)
    order = np.argsort(-loss, axis=1)                            # hardest first
    rank = np.argsort(order, axis=1)                             # rank[n, p]: the position of box p in that order
    return rank < num_neg