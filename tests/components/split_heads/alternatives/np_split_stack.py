"""Heads with np.split along the features and np.stack / np.concatenate (picoGPT's style)."""
import numpy as np


def split_heads(x, num_heads):
    return np.stack(np.split(x, num_heads, axis=-1), axis=1)


def merge_heads(x):
    return np.concatenate([x[:, i] for i in range(x.shape[1])], axis=-1)
