# expect: values
"""v(S) - v(S ∪ {i}): the marginal contribution with the wrong sign."""
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
                z = baseline.copy()
                z[list(S)] = x[list(S)]
                v_without = f(z)
                z[i] = x[i]
                phi[i] += weight * (v_without - f(z))
    return phi
