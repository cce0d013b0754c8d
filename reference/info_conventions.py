"""The other conventions of reference.info's quantities, for the drills' `conventions:` key.

The drills follow the natural log (nats); an answer in bits (log2) is a legitimate convention of its own
(Shannon's, and the exam's coin-flip calculations), so the grader names it instead of reporting bare
wrong values. The same for the Jensen-Shannon *distance* (the square root of the divergence, what
scipy.spatial.distance.jensenshannon returns).
"""
import numpy as np


def self_information_bits(p):
    """-log2 p. p: any shape."""
    return -np.log2(p)


def entropy_bits(p):
    """-Σ p log2 p over the last axis."""
    return -np.sum(p * np.log2(p + 1e-7), axis=-1)


def cross_entropy_dist_bits(p, q):
    """-Σ p log2 q over the last axis."""
    return -np.sum(p * np.log2(q + 1e-7), axis=-1)


def kl_divergence_bits(p, q):
    """Σ p log2(p / q) over the last axis."""
    return np.sum(p * np.log2((p + 1e-7) / (q + 1e-7)), axis=-1)


def js_divergence_bits(p, q):
    """½ KL(p || m) + ½ KL(q || m) in bits, m = (p + q) / 2."""
    m = 0.5 * (p + q)
    return 0.5 * kl_divergence_bits(p, m) + 0.5 * kl_divergence_bits(q, m)


def js_distance(p, q):
    """sqrt(JS(p, q)) in nats: the Jensen-Shannon distance (scipy.spatial.distance.jensenshannon)."""
    m = 0.5 * (p + q)
    kl_pm = np.sum(p * np.log((p + 1e-7) / (m + 1e-7)), axis=-1)
    kl_qm = np.sum(q * np.log((q + 1e-7) / (m + 1e-7)), axis=-1)
    return np.sqrt(0.5 * kl_pm + 0.5 * kl_qm)


def joint_entropy_bits(pxy):
    """H(X, Y) in bits. pxy: (X, Y)."""
    return -np.sum(pxy * np.log2(pxy + 1e-7))


def cond_entropy_bits(pxy):
    """H(Y | X) in bits. pxy: (X, Y), rows x."""
    px = pxy.sum(axis=1)
    return joint_entropy_bits(pxy) + np.sum(px * np.log2(px + 1e-7))


def cond_entropy_given_columns(pxy):
    """H(X | Y) = H(X, Y) - H(Y): conditioned on the column variable. pxy: (X, Y)."""
    py = pxy.sum(axis=0)
    return -np.sum(pxy * np.log(pxy + 1e-7)) + np.sum(py * np.log(py + 1e-7))


def mutual_info_bits(pxy):
    """I(X; Y) in bits. pxy: (X, Y)."""
    px = pxy.sum(axis=1, keepdims=True)
    py = pxy.sum(axis=0, keepdims=True)
    return np.sum(pxy * np.log2((pxy + 1e-7) / (px * py + 1e-7)))
