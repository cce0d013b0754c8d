# expect: values
"""One operation chosen and applied N times, instead of N operations."""
import numpy as np
from reference.augment import AUG_OPS


def randaugment(img, N, M, rng):
    op = AUG_OPS[rng.choice(len(AUG_OPS))]
    for _ in range(N):
        img = op(img, M / 10)
    return img
