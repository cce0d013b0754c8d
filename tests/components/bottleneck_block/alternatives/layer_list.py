"""The residual path as a list of layers run forward and in reverse; ReLU masks written out for the last one."""
import numpy as np
from reference.conv import Convolution
from reference.layers import Relu


class Bottleneck:
    def __init__(self, W1, b1, W2, b2, W3, b3, stride=1, Ws=None, bs=None):
        self.conv1 = Convolution(W1, b1, 1, 0)
        self.conv2 = Convolution(W2, b2, stride, 1)
        self.conv3 = Convolution(W3, b3, 1, 0)
        self.shortcut = Convolution(Ws, bs, stride, 0) if Ws is not None else None
        self.path = [self.conv1, Relu(), self.conv2, Relu(), self.conv3]

    def forward(self, x):
        h = x
        for layer in self.path:
            h = layer.forward(h)
        z = h + (x if self.shortcut is None else self.shortcut.forward(x))
        self.mask = z > 0
        return np.where(self.mask, z, 0)

    def backward(self, dout):
        dz = np.where(self.mask, dout, 0)
        d = dz
        for layer in reversed(self.path):
            d = layer.backward(d)
        return d + (dz if self.shortcut is None else self.shortcut.backward(dz))
