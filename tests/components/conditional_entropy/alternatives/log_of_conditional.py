"""-Σ p(x, y) log p(y | x) directly, with p(y | x) = p(x, y) / p(x)."""
import numpy as np


def cond_entropy(pxy):
    px = pxy.sum(axis=1, keepdims=True)
    mask = pxy > 0
    p_y_given_x = np.where(mask, pxy / px, 1.0)
    return -np.sum(pxy * np.log(p_y_given_x))
