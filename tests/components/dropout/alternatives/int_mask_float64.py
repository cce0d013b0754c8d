"""dtype is advice (passes with a note on memory and speed): An int64 mask from np.random.binomial promotes a float32 input to float64."""
import numpy as np


class Dropout:
    def __init__(self, dropout_ratio=0.5):
        self.dropout_ratio = dropout_ratio
        self.mask = None

    def forward(self, x, train_flg=True):
        if train_flg:
            self.mask = np.random.binomial(1, 1 - self.dropout_ratio, size=x.shape)
            return x * self.mask
        return x * (1.0 - self.dropout_ratio)

    def backward(self, dout):
        return dout * self.mask
