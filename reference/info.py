"""Information theory: self-information, entropy, cross entropy, KL and JS divergence, joint and conditional
entropy, mutual information.

Natural logarithm throughout (nats). Distributions lie along the last axis: p, q are (D,) or (N, D),
one distribution per row, and every function returns one value per row. As the book's
cross_entropy_error, a small delta (1e-7) inside the log keeps log(0) from giving -inf, so that a
zero probability contributes 0·log(0) = 0.
"""
import numpy as np


def self_information(p):
    """Self-information (surprisal) -log p of an event of probability p, in nats.

    p: any shape, probabilities in (0, 1]. Returns an array of the same shape.
    """
    return -np.log(p)


def entropy(p):
    """Shannon entropy H(p) = -Σ p log p, in nats.

    p: (D,) or (N, D) distributions along the last axis. Returns a scalar or (N,).
    """
    delta = 1e-7
    return -np.sum(p * np.log(p + delta), axis=-1)


def cross_entropy_dist(p, q):
    """Cross entropy H(p, q) = -Σ p log q of q relative to the true distribution p, in nats.

    p: (D,) or (N, D) true distributions; q: the same shape, predicted. Returns a scalar or (N,).
    """
    delta = 1e-7
    return -np.sum(p * np.log(q + delta), axis=-1)


def kl_divergence(p, q):
    """Kullback-Leibler divergence KL(p || q) = Σ p log(p / q), in nats (not symmetric: p first).

    p, q: (D,) or (N, D) distributions along the last axis. Returns a scalar or (N,).
    """
    delta = 1e-7
    return np.sum(p * np.log((p + delta) / (q + delta)), axis=-1)


def js_divergence(p, q):
    """Jensen-Shannon divergence JS(p, q) = ½ KL(p || m) + ½ KL(q || m) with m = (p + q) / 2, in nats.

    p, q: (D,) or (N, D) distributions along the last axis. Returns a scalar or (N,).
    """
    m = 0.5 * (p + q)
    return 0.5 * kl_divergence(p, m) + 0.5 * kl_divergence(q, m)


def joint_entropy(pxy):
    """Joint entropy H(X, Y) = -Σ_x Σ_y p(x, y) log p(x, y), in nats.

    pxy: (X, Y) joint distribution, pxy[i, j] = P(X = i, Y = j), summing to 1. Returns a scalar.
    """
    delta = 1e-7
    return -np.sum(pxy * np.log(pxy + delta))


def cond_entropy(pxy):
    """Conditional entropy H(Y | X) = H(X, Y) - H(X), in nats (the chain rule).

    pxy: (X, Y) joint distribution, rows x, columns y. Returns a scalar.
    """
    px = pxy.sum(axis=1)
    return joint_entropy(pxy) - entropy(px)


def mutual_info(pxy):
    """Mutual information I(X; Y) = Σ p(x, y) log(p(x, y) / (p(x) p(y))) = KL(p(x, y) || p(x) p(y)), in nats.

    pxy: (X, Y) joint distribution, rows x, columns y. Returns a scalar (0 when X and Y are independent).
    """
    delta = 1e-7
    px = pxy.sum(axis=1, keepdims=True)
    py = pxy.sum(axis=0, keepdims=True)
    return np.sum(pxy * np.log((pxy + delta) / (px * py + delta)))
