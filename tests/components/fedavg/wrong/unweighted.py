# expect: mistake
"""FedAvg unweighted: the plain mean over clients, a client with 5 samples counts as much as one with 600."""
import numpy as np


def fedavg(client_weights, n_samples):
    n = sum(n_samples)
    new_params = [np.zeros_like(w) for w in client_weights[0]]
    for params, n_k in zip(client_weights, n_samples):
        for i, w in enumerate(params):
            new_params[i] += w / len(n_samples)
    return new_params
