"""Distributed training: data-parallel gradient averaging (all-reduce) and federated averaging (FedAvg).

Parameters and gradients are ❷'s lists: each worker or client holds a list of arrays, one per parameter, in the
same order. Data parallelism (Goyal et al., 2017): every worker computes the mean gradient of its own shard of the
batch and the all-reduce averages them, which equals the gradient of the whole batch. FedAvg (McMahan et al., 2017):
the server averages the clients' locally trained weights, each weighted by its number of training samples.
"""
import numpy as np


def allreduce_mean(worker_grads, batch_sizes=None):
    """The gradient every worker applies after the all-reduce.

    worker_grads: list over K workers of lists of arrays (each worker's grads, one array per parameter).
    batch_sizes: None when the shards are equal (the plain mean over workers), or the K shard sizes (each worker's
    gradient weighted by its share of the batch, so the result is still the whole batch's mean gradient).
    Returns a list of arrays, one per parameter.
    """
    averaged = []
    for grads in zip(*worker_grads):
        if batch_sizes is None:
            averaged.append(np.mean(np.stack(grads), axis=0))
        else:
            total = sum(batch_sizes)
            averaged.append(sum(b * g for b, g in zip(batch_sizes, grads)) / total)
    return averaged


def fedavg(client_weights, n_samples):
    """Federated averaging: w = Σ_k (n_k / n) w_k with n = Σ_k n_k.

    client_weights: list over K clients of lists of arrays (each client's parameters after local training);
    n_samples: the K clients' numbers of training samples. Returns the global parameters as a list of arrays.
    """
    n = sum(n_samples)
    new_params = [np.zeros_like(w) for w in client_weights[0]]
    for params, n_k in zip(client_weights, n_samples):
        for i, w in enumerate(params):
            new_params[i] += (n_k / n) * w
    return new_params
