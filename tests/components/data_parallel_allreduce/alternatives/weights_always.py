"""One weighted formula for both cases (equal weights 1/K when no sizes are given), by index."""
import numpy as np


def allreduce_mean(worker_grads, batch_sizes=None):
    K = len(worker_grads)
    w = np.full(K, 1.0 / K) if batch_sizes is None else np.array(batch_sizes, dtype=float) / sum(batch_sizes)
    out = []
    for i in range(len(worker_grads[0])):
        acc = np.zeros_like(worker_grads[0][i], dtype=np.float64)
        for k in range(K):
            acc += w[k] * worker_grads[k][i]
        out.append(acc)
    return out
