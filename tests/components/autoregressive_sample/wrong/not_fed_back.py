# expect: mistake
"""Every step conditioned on the start token x0: the generated token is never fed back."""
import numpy as np


def ar_sample(P, x0, u):
    N, T = u.shape
    x = np.zeros((N, T), dtype=np.int64)
    for t in range(T):
        cdf = np.cumsum(P[x0], axis=1)
        x[:, t] = np.sum(cdf <= u[:, t:t + 1], axis=1)
    return x


def ar_loglik(P, x0, x):
    prev = np.concatenate([x0[:, None], x[:, :-1]], axis=1)
    return np.sum(np.log(P[prev, x]), axis=1)

