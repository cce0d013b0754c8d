"""Loops over models; hard voting by summing one-hot rows (ties: argmax takes the smallest label)."""
import numpy as np


def soft_vote(prob_list):
    acc = np.zeros_like(prob_list[0])
    for p in prob_list:
        acc = acc + p
    return np.argmax(acc / len(prob_list), axis=1)


def hard_vote(pred_list, n_classes):
    counts = sum(np.eye(n_classes, dtype=int)[p] for p in pred_list)
    return counts.argmax(axis=1)
