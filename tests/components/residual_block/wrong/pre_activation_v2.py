# expect: convention
"""ResNet v2 order (pre-activation): relu -> conv -> relu -> conv, + x, no ReLU after the addition."""
import numpy as np
from reference.conv import Convolution
from reference.layers import Relu


class ResidualBlock:
    """ResNet v2 (pre-activation, He et al. 2016) basic block: ReLU -> conv -> ReLU -> conv, + shortcut, no ReLU
    after the addition. The projection shortcut (if any) reads x itself. Same constructor as ResidualBlock."""

    def __init__(self, W1, b1, W2, b2, stride=1, Ws=None, bs=None):
        self.relu1, self.relu2 = Relu(), Relu()
        self.conv1 = Convolution(W1, b1, stride, 1)
        self.conv2 = Convolution(W2, b2, 1, 1)
        self.shortcut = None if Ws is None else Convolution(Ws, bs, stride, 0)

    def forward(self, x):
        h = self.conv2.forward(self.relu2.forward(self.conv1.forward(self.relu1.forward(x))))
        return h + (x if self.shortcut is None else self.shortcut.forward(x))

    def backward(self, dout):
        ds = dout if self.shortcut is None else self.shortcut.backward(dout)
        dh = self.relu1.backward(self.conv1.backward(self.relu2.backward(self.conv2.backward(dout))))
        return dh + ds
