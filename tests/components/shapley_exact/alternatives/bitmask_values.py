"""v(S) computed once per bitmask and cached; weights from math.comb: 1 / (M * C(M-1, |S|))."""
from math import comb

import numpy as np


def shapley_values(f, x, baseline):
    M = len(x)
    v = {}
    for mask in range(2 ** M):
        keep = np.array([(mask >> j) & 1 for j in range(M)], dtype=bool)
        v[mask] = f(np.where(keep, x, baseline))
    phi = np.zeros(M)
    for i in range(M):
        for mask in range(2 ** M):
            if mask & (1 << i):
                continue
            s = bin(mask).count("1")
            phi[i] += (v[mask | (1 << i)] - v[mask]) / (M * comb(M - 1, s))
    return phi
