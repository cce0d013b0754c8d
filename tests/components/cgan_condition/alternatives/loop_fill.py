"""The output allocated first and filled: x in front, a 1 per row (or per channel map) behind."""
import numpy as np


class ConditionConcat:
    def __init__(self, num_classes):
        self.num_classes = num_classes

    def forward(self, x, y):
        shape = list(x.shape)
        self.c = shape[1]
        shape[1] += self.num_classes
        out = np.zeros(shape, dtype=x.dtype)
        out[:, :self.c] = x
        for n, label in enumerate(y):
            out[n, self.c + label] = 1.0
        return out

    def backward(self, dout):
        return dout[:, :self.c].copy()
