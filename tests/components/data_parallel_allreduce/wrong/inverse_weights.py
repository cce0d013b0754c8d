# expect: values
"""Weighted by 1 / shard size: the smallest shard dominates."""
import numpy as np


def allreduce_mean(worker_grads, batch_sizes=None):
    averaged = []
    for grads in zip(*worker_grads):
        if batch_sizes is None:
            averaged.append(np.mean(np.stack(grads), axis=0))
        else:
            averaged.append(sum(g / b for b, g in zip(batch_sizes, grads)) / sum(1 / b for b in batch_sizes) / len(batch_sizes))
    return averaged
