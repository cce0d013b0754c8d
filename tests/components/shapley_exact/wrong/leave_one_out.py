# expect: values
"""Only the marginal contribution to the full set, f(x) - f(x without i) (occlusion, not Shapley)."""
from itertools import combinations
from math import factorial

import numpy as np


def shapley_values(f, x, baseline):
    M = len(x)
    phi = np.zeros(M)
    for i in range(M):
        others = [j for j in range(M) if j != i]
        for s in [M - 1]:
            for S in combinations(others, s):
                weight = 1.0
                z = baseline.copy()
                z[list(S)] = x[list(S)]
                v_without = f(z)
                z[i] = x[i]
                phi[i] += weight * (f(z) - v_without)
    return phi
