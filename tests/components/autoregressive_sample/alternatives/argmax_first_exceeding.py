"""The first index whose cumulative probability exceeds u via argmax of a boolean; log-probabilities gathered
with take_along_axis."""
import numpy as np


def ar_sample(P, x0, u):
    cdf_table = np.cumsum(P, axis=1)
    tokens = []
    cur = np.asarray(x0)
    for t in range(u.shape[1]):
        cur = np.argmax(u[:, t, None] < cdf_table[cur], axis=1)
        tokens.append(cur)
    return np.stack(tokens, axis=1)


def ar_loglik(P, x0, x):
    logP = np.log(P)
    prev = np.hstack([x0.reshape(-1, 1), x[:, :-1]])
    rows = logP[prev]                                    # (N, T, V)
    return np.take_along_axis(rows, x[..., None], axis=2)[..., 0].sum(axis=1)
