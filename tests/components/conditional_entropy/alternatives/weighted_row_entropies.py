"""Σ_x p(x) H(Y | X = x): each row normalised, its entropy weighted by p(x) (a loop)."""
import numpy as np


def cond_entropy(pxy):
    total = 0.0
    for row in pxy:
        px = row.sum()
        q = row[row > 0] / px
        total += px * -np.sum(q * np.log(q))
    return total
