# expect: shape
"""The mean over axis=1 (the samples) instead of over the models."""
import numpy as np


def soft_vote(prob_list):
    return np.argmax(np.mean(np.stack(prob_list), axis=1), axis=1)


def hard_vote(pred_list, n_classes):
    preds = np.stack(pred_list, axis=1)
    return np.array([np.bincount(r, minlength=n_classes).argmax() for r in preds])

