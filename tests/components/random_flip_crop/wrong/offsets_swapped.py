# expect: values
"""The vertical offset is used along the width and the horizontal one along the height."""
import numpy as np


def random_flip(x, flags):
    out = x.copy()
    out[flags] = x[flags][..., ::-1]
    return out


def random_crop(x, size, pad, tops, lefts):
    x_pad = np.pad(x, [(0, 0), (0, 0), (pad, pad), (pad, pad)])
    return np.stack([x_pad[n, :, l:l + size, t:t + size] for n, (t, l) in enumerate(zip(tops, lefts))])
