# expect: mistake
"""No saturation: values outside the calibrated range wrap around in uint8."""
import numpy as np


def quantize(x, x_min, x_max, bits=8):
    qmax = 2 ** bits - 1
    scale = (x_max - x_min) / qmax
    zero_point = np.round(-x_min / scale)
    q = np.round(x / scale) + zero_point
    return q.astype(np.uint8), scale, zero_point


def dequantize(q, scale, zero_point):
    return scale * (q - zero_point)
