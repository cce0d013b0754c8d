# expect: values
"""x[..., ::-1, :] reverses the height axis: an upside-down flip instead of left-right."""
import numpy as np


def random_flip(x, flags):
    out = x.copy()
    out[flags] = x[flags][:, :, ::-1, :]
    return out


def random_crop(x, size, pad, tops, lefts):
    x_pad = np.pad(x, [(0, 0), (0, 0), (pad, pad), (pad, pad)])
    return np.stack([x_pad[n, :, t:t + size, l:l + size] for n, (t, l) in enumerate(zip(tops, lefts))])
