# expect: values
"""Votes counted per model (stacked on axis 0, one bincount per model) instead of per sample."""
import numpy as np


def soft_vote(prob_list):
    return np.argmax(np.mean(np.stack(prob_list), axis=0), axis=1)



def hard_vote(pred_list, n_classes):
    preds = np.stack(pred_list, axis=0)
    winner = [np.bincount(r, minlength=n_classes).argmax() for r in preds]
    return np.array([winner[n % len(winner)] for n in range(preds.shape[1])])
