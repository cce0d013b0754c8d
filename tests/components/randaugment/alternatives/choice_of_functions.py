"""rng.choice over the list of functions itself (the paper's np.random.choice(transforms, N)), then functools.reduce."""
from functools import reduce
import numpy as np
from reference.augment import AUG_OPS


def randaugment(img, N, M, rng):
    ops = rng.choice(np.array(AUG_OPS, dtype=object), N)
    return reduce(lambda x, op: op(x, M / 10), ops, img)
