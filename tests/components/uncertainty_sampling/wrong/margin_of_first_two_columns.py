# expect: values
"""The margin between the first two columns, not the two largest probabilities."""
import numpy as np


def select_queries(probs, k, strategy='least_confident'):
    if strategy == 'least_confident':
        score = 1 - probs.max(axis=1)
    elif strategy == 'margin':
        score = -np.abs(probs[:, 0] - probs[:, 1])
    else:
        score = -np.sum(probs * np.log(probs + 1e-12), axis=1)
    return np.argsort(-score)[:k]
