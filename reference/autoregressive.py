"""Autoregressive generation: sampling one token at a time from p(x_t | x_<t), and the chain-rule log-likelihood.

The model is a bigram table here (the simplest autoregressive model: p(x_t | x_<t) = p(x_t | x_{t-1}));
a language model's softmax output plays the same role. Sampling uses given uniforms (inverse transform
sampling), never a random generator inside, so that every run is repeatable.
"""
import numpy as np


def ar_sample(P, x0, u):
    """Sample T tokens after x0, each from the row of P selected by the previous token.

    P: (V, V), P[a, b] = p(x_t = b | x_{t-1} = a), rows sum to 1; x0: (N,) start tokens; u: (N, T) uniforms
    in [0, 1). x_t is the smallest k with u_t < P(x_t <= k) (inverse transform). Returns x (N, T) int.
    """
    N, T = u.shape
    x = np.zeros((N, T), dtype=np.int64)
    prev = x0
    for t in range(T):
        p = P[prev]
        cdf = np.cumsum(p, axis=1)
        x[:, t] = np.sum(cdf <= u[:, t:t + 1], axis=1)
        prev = x[:, t]
    return x


def ar_loglik(P, x0, x):
    """log p(x | x0) = Σ_t log p(x_t | x_{t-1}) (the chain rule), per sequence.

    P: (V, V); x0: (N,) start tokens; x: (N, T) tokens -> (N,).
    """
    prev = np.concatenate([x0[:, None], x[:, :-1]], axis=1)
    return np.sum(np.log(P[prev, x]), axis=1)
