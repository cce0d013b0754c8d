# Verbatim from ゼロから作るDeep Learning ❷ (oreilly-japan/deep-learning-from-scratch-2): common/functions.py (softmax).
# Copyright (c) 2018 Koki Saitoh, MIT License (tests/components/NOTICE-deep-learning-from-scratch.md).
# Test data only: the book's own code must pass this drill. examprep's reference is its own code.
"""Book 2's softmax: 2-D and 1-D branches, in-place exp and division on its own copy."""
import numpy as np


def softmax(x):
    if x.ndim == 2:
        x = x - x.max(axis=1, keepdims=True)
        x = np.exp(x)
        x /= x.sum(axis=1, keepdims=True)
    elif x.ndim == 1:
        x = x - np.max(x)
        x = np.exp(x) / np.sum(np.exp(x))

    return x
