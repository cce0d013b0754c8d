"""One-hot rows from np.eye; images get their label maps with np.tile; the gradient split with np.split."""
import numpy as np


class ConditionConcat:
    def __init__(self, num_classes):
        self.K = num_classes

    def forward(self, x, y):
        oh = np.eye(self.K, dtype=x.dtype)[y]
        if x.ndim == 4:
            oh = np.tile(oh[:, :, np.newaxis, np.newaxis], (1, 1, x.shape[2], x.shape[3]))
        self.split = x.shape[1]
        return np.concatenate((x, oh), axis=1)

    def backward(self, dout):
        dx, _ = np.split(dout, [self.split], axis=1)
        return dx
