# expect: values
"""split_heads cuts D as (d_k, h) instead of (h, d_k): each head gets strided features."""
import numpy as np


def split_heads(x, num_heads):
    """(N, T, D) -> (N, h, T, D / h): each head gets its own slice of the features."""
    N, T, D = x.shape
    return x.reshape(N, T, D // num_heads, num_heads).transpose(0, 3, 1, 2)


def merge_heads(x):
    """(N, h, T, d_k) -> (N, T, h·d_k): the inverse of split_heads (the heads' outputs side by side)."""
    N, h, T, d_k = x.shape
    return x.transpose(0, 2, 1, 3).reshape(N, T, h * d_k)
