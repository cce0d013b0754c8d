"""A generator yielding (train, validation) pairs, as sklearn's KFold.split does."""
import numpy as np


def kfold_split(n, k):
    sizes = np.full(k, n // k)
    sizes[:n % k] += 1
    start = 0
    for size in sizes:
        stop = start + size
        val = np.arange(start, stop)
        train = np.r_[0:start, stop:n]
        yield train, val
        start = stop
