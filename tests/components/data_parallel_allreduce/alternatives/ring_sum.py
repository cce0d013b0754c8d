"""An all-reduce as a sum pass then a division (the ring all-reduce's reduce-scatter + all-gather total), average
over np.average with weights."""
import numpy as np


def allreduce_mean(worker_grads, batch_sizes=None):
    result = []
    for p in range(len(worker_grads[0])):
        stacked = np.array([g[p] for g in worker_grads])
        if batch_sizes is None:
            result.append(stacked.sum(axis=0) / len(worker_grads))
        else:
            result.append(np.average(stacked, axis=0, weights=batch_sizes))
    return result
