# expect: values
"""split_heads reshapes straight to (N, h, T, d_k): tokens and heads mixed."""
import numpy as np


def split_heads(x, num_heads):
    """(N, T, D) -> (N, h, T, D / h): each head gets its own slice of the features."""
    N, T, D = x.shape
    return x.reshape(N, num_heads, T, D // num_heads)


def merge_heads(x):
    """(N, h, T, d_k) -> (N, T, h·d_k): the inverse of split_heads (the heads' outputs side by side)."""
    N, h, T, d_k = x.shape
    return x.transpose(0, 2, 1, 3).reshape(N, T, h * d_k)
