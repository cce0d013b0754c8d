# expect: mistake
"""The all-reduce sum without dividing by the number of workers: a K times larger step."""
import numpy as np


def allreduce_mean(worker_grads, batch_sizes=None):
    averaged = []
    for grads in zip(*worker_grads):
        if batch_sizes is None:
            averaged.append(np.sum(np.stack(grads), axis=0))
        else:
            averaged.append(sum(b * g for b, g in zip(batch_sizes, grads)) / sum(batch_sizes))
    return averaged
