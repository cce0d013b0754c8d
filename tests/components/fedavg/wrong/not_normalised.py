# expect: mistake
"""Weighted by the raw counts n_k without dividing by n: the parameters blow up."""
import numpy as np


def fedavg(client_weights, n_samples):
    n = sum(n_samples)
    new_params = [np.zeros_like(w) for w in client_weights[0]]
    for params, n_k in zip(client_weights, n_samples):
        for i, w in enumerate(params):
            new_params[i] += n_k * w
    return new_params
