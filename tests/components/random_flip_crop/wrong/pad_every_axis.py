# expect: values
"""np.pad(x, pad) pads the batch and channel axes too: x_pad[n] is a zero image or the previous one."""
import numpy as np


def random_flip(x, flags):
    out = x.copy()
    out[flags] = x[flags][..., ::-1]
    return out


def random_crop(x, size, pad, tops, lefts):
    x_pad = np.pad(x, pad)
    return np.stack([x_pad[n, :x.shape[1], t:t + size, l:l + size] for n, (t, l) in enumerate(zip(tops, lefts))])
