# expect: values
"""Every operation applied to the original image: only the last one's result is kept."""
import numpy as np
from reference.augment import AUG_OPS


def randaugment(img, N, M, rng):
    out = img
    for i in rng.choice(len(AUG_OPS), N):
        out = AUG_OPS[i](img, M / 10)
    return out
