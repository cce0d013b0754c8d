"""Certainty sorted ascending (the most uncertain first), np.partition for the margin, scipy-free entropy."""
import numpy as np


def select_queries(probs, k, strategy='least_confident'):
    if strategy == 'least_confident':
        certainty = probs.max(axis=1)
    elif strategy == 'margin':
        top2 = -np.partition(-probs, 1, axis=1)[:, :2]
        certainty = top2[:, 0] - top2[:, 1]
    else:
        logp = np.log(np.where(probs > 0, probs, 1.0))
        certainty = np.sum(probs * logp, axis=1)         # minus the entropy
    return np.argsort(certainty)[:k]
