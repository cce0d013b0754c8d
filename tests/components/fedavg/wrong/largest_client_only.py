# expect: values
"""The largest client's parameters taken as the global model."""
import numpy as np


def fedavg(client_weights, n_samples):
    n = sum(n_samples)
    return [w.copy() for w in client_weights[int(np.argmax(n_samples))]]
    new_params = [np.zeros_like(w) for w in client_weights[0]]
    for params, n_k in zip(client_weights, n_samples):
        for i, w in enumerate(params):
            new_params[i] += (n_k / n) * w
    return new_params
