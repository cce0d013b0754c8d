# expect: values
"""Weighted by 1 / n_k: the clients with the least data dominate."""
import numpy as np


def fedavg(client_weights, n_samples):
    n = sum(n_samples)
    new_params = [np.zeros_like(w) for w in client_weights[0]]
    for params, n_k in zip(client_weights, n_samples):
        for i, w in enumerate(params):
            new_params[i] += (1 / n_k) / sum(1 / m for m in n_samples) * w
    return new_params
