# expect: values
"""Each token scored by its unconditional column mean instead of p(x_t | x_{t-1})."""
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
    marginal = P.mean(axis=0)
    return np.sum(np.log(marginal[x]), axis=1)
