# expect: values
"""M passed as it is (0–10) where the operations take m in [0, 1]."""
import numpy as np
from reference.augment import AUG_OPS


def randaugment(img, N, M, rng):
    for i in rng.choice(len(AUG_OPS), N):
        img = AUG_OPS[i](img, M)
    return img
