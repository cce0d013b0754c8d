# expect: shape
"""The raw label appended as one number per sample instead of a one-hot vector."""
import numpy as np


class ConditionConcat:
    def __init__(self, num_classes):
        self.num_classes = num_classes

    def forward(self, x, y):
        lab = y.astype(x.dtype).reshape((-1, 1) + (1,) * (x.ndim - 2))
        if x.ndim == 4:
            lab = np.broadcast_to(lab, (x.shape[0], 1) + x.shape[2:])
        self.c = x.shape[1]
        return np.concatenate([x, lab], axis=1)

    def backward(self, dout):
        return dout[:, :self.c]

