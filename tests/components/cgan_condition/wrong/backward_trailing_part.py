# expect: values
"""backward takes the trailing columns (the label part) instead of the leading ones."""
import numpy as np


class ConditionConcat:
    def __init__(self, num_classes):
        self.num_classes = num_classes

    def forward(self, x, y):
        oh = np.eye(self.num_classes, dtype=x.dtype)[y]
        if x.ndim == 4:
            oh = np.broadcast_to(oh[:, :, None, None], (x.shape[0], self.num_classes) + x.shape[2:])
        self.c = x.shape[1]
        return np.concatenate([x, oh], axis=1)

    def backward(self, dout):
        return dout[:, -self.c:]
