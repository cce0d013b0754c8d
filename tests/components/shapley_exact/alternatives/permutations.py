"""The average marginal contribution over all M! orderings (the definition behind the weights)."""
from itertools import permutations

import numpy as np


def shapley_values(f, x, baseline):
    M = len(x)
    phi = np.zeros(M)
    orders = list(permutations(range(M)))
    for order in orders:
        z = baseline.astype(np.float64).copy()
        prev = f(z)
        for i in order:
            z[i] = x[i]
            cur = f(z)
            phi[i] += cur - prev
            prev = cur
    return phi / len(orders)
