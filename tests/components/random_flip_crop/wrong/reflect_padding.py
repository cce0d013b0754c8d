# expect: convention
"""Reflection padding: a legitimate choice (padding_mode='reflect'), not this drill's zeros."""
import numpy as np


def random_flip(x, flags):
    out = x.copy()
    out[flags] = x[flags][..., ::-1]
    return out


def random_crop(x, size, pad, tops, lefts):
    x_pad = np.pad(x, [(0, 0), (0, 0), (pad, pad), (pad, pad)], mode='reflect')
    return np.stack([x_pad[n, :, t:t + size, l:l + size] for n, (t, l) in enumerate(zip(tops, lefts))])
