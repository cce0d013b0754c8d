# expect: values
"""Sets absent features to 0 instead of the baseline."""
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
                weight = factorial(s) * factorial(M - s - 1) / factorial(M)
                z = np.zeros_like(x)
                z[list(S)] = x[list(S)]
                v_without = f(z)
                z[i] = x[i]
                phi[i] += weight * (f(z) - v_without)
    return phi
