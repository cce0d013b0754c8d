"""The fast layers' memory layout: (N, C, H, W) in the API, (N, H, W, C) in memory.

channels_last(x): x (N, C, H, W) -> (N, H, W, C), C-contiguous. A view (no copy) when x is already a view of
channels-last memory, which is what every fast layer returns; a copy otherwise (e.g. the network's input images,
or a gradient made by another layer).
nchw_view(a): a (N, H, W, C), C-contiguous -> the (N, C, H, W) view the book's API expects.
Arrays of other ranks pass through unchanged.
"""
import numpy as np


def channels_last(x):
    if x.ndim != 4:
        return np.ascontiguousarray(x)
    return np.ascontiguousarray(x.transpose(0, 2, 3, 1))


def nchw_view(a):
    return a.transpose(0, 3, 1, 2)


def scratch(store, name, shape, dtype, zeros=False):
    """A work array kept in the dict `store` (a layer's) under `name` and reused while shape and dtype stay the same
    (a fresh large array is slower to fill: not in cache, new pages). zeros=True: made with zeros, for a caller that
    writes only the interior and relies on a border that stays zero.
    Only for arrays used inside one forward / backward pair, never for the arrays a layer returns."""
    a = store.get(name)
    if a is None or a.shape != tuple(shape) or a.dtype != np.dtype(dtype):
        a = np.zeros(shape, dtype=dtype) if zeros else np.empty(shape, dtype=dtype)
        store[name] = a
    return a
