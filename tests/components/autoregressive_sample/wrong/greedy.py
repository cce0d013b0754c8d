# expect: mistake
"""Greedy decoding (argmax) instead of sampling: the uniforms are ignored."""
import numpy as np


def ar_sample(P, x0, u):
    N, T = u.shape
    x = np.zeros((N, T), dtype=np.int64)
    prev = x0
    for t in range(T):
        x[:, t] = np.argmax(P[prev], axis=1)
        prev = x[:, t]
    return x


def ar_loglik(P, x0, x):
    prev = np.concatenate([x0[:, None], x[:, :-1]], axis=1)
    return np.sum(np.log(P[prev, x]), axis=1)

