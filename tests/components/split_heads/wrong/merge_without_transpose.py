# expect: values
"""merge_heads reshapes (N, h, T, d_k) to (N, T, D) without moving the head axis back."""
import numpy as np


def split_heads(x, num_heads):
    """(N, T, D) -> (N, h, T, D / h): each head gets its own slice of the features."""
    N, T, D = x.shape
    return x.reshape(N, T, num_heads, D // num_heads).transpose(0, 2, 1, 3)


def merge_heads(x):
    """(N, h, T, d_k) -> (N, T, h·d_k): the inverse of split_heads (the heads' outputs side by side)."""
    N, h, T, d_k = x.shape
    return x.reshape(N, T, h * d_k)
