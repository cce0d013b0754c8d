# expect: values
"""The first transition (from x0) left out of the log-likelihood."""
import numpy as np


def ar_sample(P, x0, u):
    N, T = u.shape
    x = np.zeros((N, T), dtype=np.int64)
    prev = x0
    for t in range(T):
        cdf = np.cumsum(P[prev], axis=1)
        x[:, t] = np.sum(cdf <= u[:, t:t + 1], axis=1)
        prev = x[:, t]
    return x


def ar_loglik(P, x0, x):
    return np.sum(np.log(P[x[:, :-1], x[:, 1:]]), axis=1)
