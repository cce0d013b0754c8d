"""The other legitimate conventions of reference.augment's drills, for the problems' `conventions:` key."""
import numpy as np


def random_crop_reflect(x, size, pad, tops, lefts):
    """random_crop with reflection padding (np.pad mode='reflect', torchvision's padding_mode='reflect')."""
    x_pad = np.pad(x, [(0, 0), (0, 0), (pad, pad), (pad, pad)], mode='reflect')
    return np.stack([x_pad[n, :, t:t + size, l:l + size] for n, (t, l) in enumerate(zip(tops, lefts))])


def random_crop_edge(x, size, pad, tops, lefts):
    """random_crop with edge (replicate) padding (np.pad mode='edge', torchvision's padding_mode='edge')."""
    x_pad = np.pad(x, [(0, 0), (0, 0), (pad, pad), (pad, pad)], mode='edge')
    return np.stack([x_pad[n, :, t:t + size, l:l + size] for n, (t, l) in enumerate(zip(tops, lefts))])


def adjust_255(x, alpha, beta):
    """alpha * x + beta clipped to [0, 255]: pixel values as 8-bit integers."""
    return np.clip(alpha * x + beta, 0, 255)
