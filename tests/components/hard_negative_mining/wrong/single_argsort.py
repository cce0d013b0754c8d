# expect: values
"""order < num_neg: the sorted box indices compared with num_neg instead of each box's rank."""
import numpy as np


def hard_negative_mining(conf_loss, pos_mask, ratio=3):
    loss = np.where(pos_mask, -np.inf, conf_loss)
    num_pos = np.sum(pos_mask, axis=1, keepdims=True)
    num_neg = np.minimum(ratio * num_pos, pos_mask.shape[1] - num_pos)
    order = np.argsort(-loss, axis=1)
    return order < num_neg
