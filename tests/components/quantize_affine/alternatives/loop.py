"""Element by element with Python's round (also half to even) and min/max."""
import numpy as np


def quantize(x, x_min, x_max, bits=8):
    qmax = 2 ** bits - 1
    scale = (x_max - x_min) / qmax
    zero_point = float(round(-x_min / scale))
    flat = [min(max(round(float(v) / scale) + zero_point, 0), qmax) for v in np.ravel(x)]
    return np.array(flat, dtype=np.uint8).reshape(np.shape(x)), scale, zero_point


def dequantize(q, scale, zero_point):
    return np.array([scale * (int(v) - zero_point) for v in np.ravel(q)]).reshape(np.shape(q))
