# expect: values
"""Weighted by the shard sizes but divided by the number of workers instead of the total batch size."""
import numpy as np


def allreduce_mean(worker_grads, batch_sizes=None):
    averaged = []
    for grads in zip(*worker_grads):
        if batch_sizes is None:
            averaged.append(np.mean(np.stack(grads), axis=0))
        else:
            averaged.append(sum(b * g for b, g in zip(batch_sizes, grads)) / len(batch_sizes))
    return averaged
