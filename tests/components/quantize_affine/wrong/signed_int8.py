# expect: convention
"""Signed int8 ([-128, 127], zero point moved down by 128) where the drill asks for uint8."""
import numpy as np


def quantize(x, x_min, x_max, bits=8):
    half = 2 ** (bits - 1)
    scale = (x_max - x_min) / (2 * half - 1)
    zero_point = np.round(-x_min / scale) - half
    q = np.clip(np.round(x / scale) + zero_point, -half, half - 1)
    return q.astype(np.int8), scale, zero_point


def dequantize(q, scale, zero_point):
    return scale * (q - zero_point)
