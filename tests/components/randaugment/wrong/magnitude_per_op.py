# expect: values
"""A random magnitude per operation: RandAugment shares one M."""
import numpy as np
from reference.augment import AUG_OPS


def randaugment(img, N, M, rng):
    for i in rng.choice(len(AUG_OPS), N):
        img = AUG_OPS[i](img, rng.uniform(0, M / 10))
    return img
