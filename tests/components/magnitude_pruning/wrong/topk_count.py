# expect: convention
"""Exactly round(sparsity · n) smallest magnitudes pruned, as PyTorch's l1_unstructured."""
import numpy as np


def prune(W, sparsity):
    k = int(round(sparsity * W.size))
    order = np.argsort(np.abs(W), axis=None, kind="stable")
    mask = np.ones(W.size, dtype=bool)
    mask[order[:k]] = False
    mask = mask.reshape(W.shape)
    return W * mask, mask
