# expect: values
"""rng.choice(K, N, replace=False): no operation can repeat, and the draw itself differs."""
import numpy as np
from reference.augment import AUG_OPS


def randaugment(img, N, M, rng):
    for i in rng.choice(len(AUG_OPS), N, replace=False):
        img = AUG_OPS[i](img, M / 10)
    return img
