# expect: values
"""backward uses dout * x * (1 - x) with the input instead of the output."""
import numpy as np


class Sigmoid:
    def __init__(self):
        self.x = None

    def forward(self, x):
        self.x = x
        return 1 / (1 + np.exp(-x))

    def backward(self, dout):
        return dout * self.x * (1.0 - self.x)
