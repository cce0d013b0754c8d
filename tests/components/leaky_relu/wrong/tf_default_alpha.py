# expect: convention
"""TensorFlow's default slope 0.2 (tf.nn.leaky_relu): right where alpha is given, wrong for the default."""
import numpy as np


class LeakyRelu:
    def __init__(self, alpha=0.2):
        self.alpha = alpha

    def forward(self, x):
        self.mask = x > 0
        return np.where(self.mask, x, self.alpha * x)

    def backward(self, dout):
        return np.where(self.mask, dout, self.alpha * dout)
