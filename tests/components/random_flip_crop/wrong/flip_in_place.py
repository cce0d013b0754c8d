# expect: mutates_input
"""The chosen images are flipped inside the caller's batch."""
import numpy as np


def random_flip(x, flags):
    x[flags] = x[flags][..., ::-1]
    return x


def random_crop(x, size, pad, tops, lefts):
    x_pad = np.pad(x, [(0, 0), (0, 0), (pad, pad), (pad, pad)])
    return np.stack([x_pad[n, :, t:t + size, l:l + size] for n, (t, l) in enumerate(zip(tops, lefts))])
