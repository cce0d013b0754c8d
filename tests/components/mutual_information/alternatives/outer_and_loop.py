"""np.outer of the marginals, a loop over the non-zero cells (float64)."""
import math

import numpy as np


def mutual_info(pxy):
    prod = np.outer(pxy.sum(axis=1), pxy.sum(axis=0))
    total = 0.0
    for (i, j), p in np.ndenumerate(pxy):
        if p > 0:
            total += float(p) * math.log(float(p) / float(prod[i, j]))
    return total
