# expect: mistake
"""A ReLU after the expanding 1x1 before the addition, and the shortcut added after: relu(conv3) + x."""
import numpy as np
from reference.conv import Convolution
from reference.layers import Relu


class Bottleneck:
    """Bottleneck block: 1x1 reduce -> ReLU -> 3x3 (stride) -> ReLU -> 1x1 expand -> + shortcut -> ReLU.

    W1: (C_mid, C_in, 1, 1), W2: (C_mid, C_mid, 3, 3) padded by 1 and carrying the
    stride (torchvision's ResNet "v1.5"), W3: (4*C_mid, C_mid, 1, 1): the output
    has 4*C_mid channels. Identity shortcut when Ws is None (C_in = 4*C_mid,
    stride 1), else a projection Ws: (4*C_mid, C_in, 1, 1) with the stride.
    x: (N, C_in, H, W) -> out: (N, 4*C_mid, H', W').
    """

    def __init__(self, W1, b1, W2, b2, W3, b3, stride=1, Ws=None, bs=None):
        self.conv1 = Convolution(W1, b1, 1, 0)
        self.relu1 = Relu()
        self.conv2 = Convolution(W2, b2, stride, 1)
        self.relu2 = Relu()
        self.conv3 = Convolution(W3, b3, 1, 0)
        self.relu3 = Relu()
        self.shortcut = None if Ws is None else Convolution(Ws, bs, stride, 0)

    def forward(self, x):
        h = self.relu1.forward(self.conv1.forward(x))
        h = self.relu2.forward(self.conv2.forward(h))
        h = self.relu3.forward(self.conv3.forward(h))
        s = x if self.shortcut is None else self.shortcut.forward(x)
        out = h + s
        return out

    def backward(self, dout):
        ds = dout.copy() if self.shortcut is None else self.shortcut.backward(dout.copy())
        dh = self.conv3.backward(self.relu3.backward(dout))
        dh = self.conv2.backward(self.relu2.backward(dh))
        dx = self.conv1.backward(self.relu1.backward(dh))
        return dx + ds
