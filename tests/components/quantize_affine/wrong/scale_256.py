# expect: mistake
"""scale = range / 2^bits (256 levels) instead of / (2^bits - 1) (255 steps between 0 and 255)."""
import numpy as np


def quantize(x, x_min, x_max, bits=8):
    qmax = 2 ** bits - 1
    scale = (x_max - x_min) / 2 ** bits
    zero_point = np.round(-x_min / scale)
    q = np.clip(np.round(x / scale) + zero_point, 0, qmax)
    return q.astype(np.uint8), scale, zero_point


def dequantize(q, scale, zero_point):
    return scale * (q - zero_point)
