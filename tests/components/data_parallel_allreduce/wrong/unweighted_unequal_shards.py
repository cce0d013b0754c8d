# expect: mistake
"""The plain mean over workers even when the shards differ in size: a small shard counts as much as a large one."""
import numpy as np


def allreduce_mean(worker_grads, batch_sizes=None):
    averaged = []
    for grads in zip(*worker_grads):
        if batch_sizes is None:
            averaged.append(np.mean(np.stack(grads), axis=0))
        else:
            averaged.append(np.mean(np.stack(grads), axis=0))
    return averaged
