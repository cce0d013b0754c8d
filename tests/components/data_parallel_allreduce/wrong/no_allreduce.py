# expect: values
"""No all-reduce: a worker keeps its own shard's gradient (the model copies drift apart)."""
import numpy as np


def allreduce_mean(worker_grads, batch_sizes=None):
    return [g.copy() for g in worker_grads[0]]
