# expect: values
"""The flags are ignored: every image is flipped."""
import numpy as np


def random_flip(x, flags):
    return x[:, :, :, ::-1].copy()


def random_crop(x, size, pad, tops, lefts):
    x_pad = np.pad(x, [(0, 0), (0, 0), (pad, pad), (pad, pad)])
    return np.stack([x_pad[n, :, t:t + size, l:l + size] for n, (t, l) in enumerate(zip(tops, lefts))])
