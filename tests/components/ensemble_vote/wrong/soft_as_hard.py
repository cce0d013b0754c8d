# expect: values
"""Soft voting done as a majority of each model's argmax (hard voting): the confidences are lost."""
import numpy as np


def soft_vote(prob_list):
    labels = [np.argmax(p, axis=1) for p in prob_list]
    C = prob_list[0].shape[1]
    votes = sum(np.eye(C)[l] for l in labels)
    return votes.argmax(axis=1)


def hard_vote(pred_list, n_classes):
    preds = np.stack(pred_list, axis=1)
    return np.array([np.bincount(r, minlength=n_classes).argmax() for r in preds])

