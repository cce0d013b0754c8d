"""rng.integers(0, K, size=N) (the same draw as rng.choice(K, N)), a while loop over the chosen ops."""
import numpy as np
from reference.augment import AUG_OPS


def randaugment(img, N, M, rng):
    chosen = rng.integers(0, len(AUG_OPS), size=N)
    out = img
    k = 0
    while k < N:
        out = AUG_OPS[int(chosen[k])](out, M / 10.0)
        k += 1
    return out
