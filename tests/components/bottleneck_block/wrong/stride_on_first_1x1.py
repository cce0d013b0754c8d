# expect: convention
"""The stride on the first 1x1 convolution (the original ResNet v1) instead of the 3x3 (torchvision's v1.5)."""
import numpy as np
from reference.conv import Convolution
from reference.layers import Relu


class Bottleneck:
    """The original ResNet v1 bottleneck (Caffe): the stride on the first 1x1 convolution instead of the 3x3
    (torchvision's "v1.5"). Same constructor as Bottleneck."""

    def __init__(self, W1, b1, W2, b2, W3, b3, stride=1, Ws=None, bs=None):
        self.conv1 = Convolution(W1, b1, stride, 0)
        self.conv2 = Convolution(W2, b2, 1, 1)
        self.conv3 = Convolution(W3, b3, 1, 0)
        self.relu1, self.relu2, self.relu3 = Relu(), Relu(), Relu()
        self.shortcut = None if Ws is None else Convolution(Ws, bs, stride, 0)

    def forward(self, x):
        h = self.relu2.forward(self.conv2.forward(self.relu1.forward(self.conv1.forward(x))))
        s = x if self.shortcut is None else self.shortcut.forward(x)
        return self.relu3.forward(self.conv3.forward(h) + s)

    def backward(self, dout):
        dh = self.relu3.backward(dout)
        ds = dh if self.shortcut is None else self.shortcut.backward(dh)
        dh = self.relu1.backward(self.conv2.backward(self.relu2.backward(self.conv3.backward(dh))))
        return self.conv1.backward(dh) + ds
