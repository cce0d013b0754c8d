# expect: mistake
"""argsort of the uncertainty without the minus: the most certain samples first."""
import numpy as np


def select_queries(probs, k, strategy='least_confident'):
    if strategy == 'least_confident':
        score = 1 - probs.max(axis=1)
    elif strategy == 'margin':
        p_sorted = np.sort(probs, axis=1)
        score = -(p_sorted[:, -1] - p_sorted[:, -2])
    else:
        score = -np.sum(probs * np.log(probs + 1e-12), axis=1)
    return np.argsort(score)[:k]
