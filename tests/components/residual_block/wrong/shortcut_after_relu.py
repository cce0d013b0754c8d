# expect: mistake
"""Shortcut added after the last ReLU: out = relu(F(x)) + x. ResNet v1 adds before the ReLU: relu(F(x) + x)."""
import numpy as np
from reference.conv import Convolution
from reference.layers import Relu


class ResidualBlock:
    """Basic block: 3x3 conv (stride) -> ReLU -> 3x3 conv -> + shortcut -> ReLU.

    W1: (C_out, C_in, 3, 3), W2: (C_out, C_out, 3, 3), both padded by 1.
    The shortcut is x itself (identity) when Ws is None, else a projection:
    a 1x1 convolution Ws: (C_out, C_in, 1, 1) with the block's stride, used when
    the shapes differ. x: (N, C_in, H, W) -> out: (N, C_out, H', W').
    backward adds the gradient that flows through the shortcut to the one
    through the convolutions (a branch in the graph sums its gradients).
    """

    def __init__(self, W1, b1, W2, b2, stride=1, Ws=None, bs=None):
        self.conv1 = Convolution(W1, b1, stride, 1)
        self.relu1 = Relu()
        self.conv2 = Convolution(W2, b2, 1, 1)
        self.relu2 = Relu()
        self.shortcut = None if Ws is None else Convolution(Ws, bs, stride, 0)

    def forward(self, x):
        h = self.conv1.forward(x)
        h = self.relu1.forward(h)
        h = self.conv2.forward(h)
        s = x if self.shortcut is None else self.shortcut.forward(x)
        out = self.relu2.forward(h) + s
        return out

    def backward(self, dout):
        ds0 = dout.copy()
        dh = self.relu2.backward(dout)
        ds = ds0 if self.shortcut is None else self.shortcut.backward(ds0)
        dh = self.conv2.backward(dh)
        dh = self.relu1.backward(dh)
        dx = self.conv1.backward(dh)
        return dx + ds
