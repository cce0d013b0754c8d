# expect: values
"""range(M - 1): never visits the subset of all the other features."""
from itertools import combinations
from math import factorial

import numpy as np


def shapley_values(f, x, baseline):
    M = len(x)
    phi = np.zeros(M)
    for i in range(M):
        others = [j for j in range(M) if j != i]
        for s in range(M - 1):
            for S in combinations(others, s):
                weight = factorial(s) * factorial(M - s - 1) / factorial(M)
                z = baseline.copy()
                z[list(S)] = x[list(S)]
                v_without = f(z)
                z[i] = x[i]
                phi[i] += weight * (f(z) - v_without)
    return phi
