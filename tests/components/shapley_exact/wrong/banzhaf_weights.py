# expect: convention
"""Weights every subset equally, 1 / 2^(M-1): the Banzhaf value, not Shapley's."""
from itertools import combinations
from math import factorial

import numpy as np


def shapley_values(f, x, baseline):
    M = len(x)
    phi = np.zeros(M)
    for i in range(M):
        others = [j for j in range(M) if j != i]
        for s in range(M):
            for S in combinations(others, s):
                weight = 1 / 2 ** (M - 1)
                z = baseline.copy()
                z[list(S)] = x[list(S)]
                v_without = f(z)
                z[i] = x[i]
                phi[i] += weight * (f(z) - v_without)
    return phi
