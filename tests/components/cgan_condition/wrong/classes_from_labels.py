# expect: shape
"""The number of classes taken from the labels present (y.max() + 1), not num_classes."""
import numpy as np


class ConditionConcat:
    def __init__(self, num_classes):
        self.num_classes = num_classes

    def forward(self, x, y):
        k = y.max() + 1
        oh = np.eye(k, dtype=x.dtype)[y]
        if x.ndim == 4:
            oh = np.broadcast_to(oh[:, :, None, None], (x.shape[0], k) + x.shape[2:])
        self.c = x.shape[1]
        return np.concatenate([x, oh], axis=1)

    def backward(self, dout):
        return dout[:, :self.c]

