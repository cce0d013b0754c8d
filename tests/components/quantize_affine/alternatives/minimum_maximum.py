"""np.rint and np.minimum/np.maximum for the saturation; float64 throughout."""
import numpy as np


def quantize(x, x_min, x_max, bits=8):
    levels = 2 ** bits - 1
    scale = (float(x_max) - float(x_min)) / levels
    zp = np.rint(-float(x_min) / scale)
    q = np.minimum(np.maximum(np.rint(np.asarray(x, dtype=np.float64) / scale) + zp, 0), levels)
    return q.astype(np.uint8), scale, zp


def dequantize(q, scale, zero_point):
    return (np.asarray(q, dtype=np.float64) - zero_point) * scale
