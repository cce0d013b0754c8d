"""Heads with swapaxes(1, 2) instead of transpose."""
import numpy as np


def split_heads(x, num_heads):
    N, T, D = x.shape
    return x.reshape(N, T, num_heads, -1).swapaxes(1, 2)


def merge_heads(x):
    N, h, T, d_k = x.shape
    return x.swapaxes(1, 2).reshape(N, T, -1)
