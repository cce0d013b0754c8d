"""Per sequence and step with np.searchsorted(side='right'); the log-likelihood accumulated in a loop."""
import numpy as np


def ar_sample(P, x0, u):
    N, T = u.shape
    out = np.empty((N, T), dtype=int)
    for n in range(N):
        prev = x0[n]
        for t in range(T):
            prev = int(np.searchsorted(np.cumsum(P[prev]), u[n, t], side="right"))
            out[n, t] = prev
    return out


def ar_loglik(P, x0, x):
    N, T = x.shape
    ll = np.zeros(N)
    for n in range(N):
        prev = x0[n]
        for t in range(T):
            ll[n] += np.log(P[prev, x[n, t]])
            prev = x[n, t]
    return ll
