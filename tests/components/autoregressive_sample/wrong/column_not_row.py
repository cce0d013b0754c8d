# expect: values
"""The column P[:, prev] (p(prev | ·)) taken instead of the row P[prev] (p(· | prev))."""
import numpy as np


def ar_sample(P, x0, u):
    N, T = u.shape
    x = np.zeros((N, T), dtype=np.int64)
    prev = x0
    for t in range(T):
        cdf = np.cumsum(P[:, prev].T, axis=1)
        x[:, t] = np.minimum(np.sum(cdf <= u[:, t:t + 1], axis=1), P.shape[0] - 1)
        prev = x[:, t]
    return x


def ar_loglik(P, x0, x):
    prev = np.concatenate([x0[:, None], x[:, :-1]], axis=1)
    return np.sum(np.log(P[prev, x]), axis=1)

