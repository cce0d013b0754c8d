"""The other legitimate orders of the ResNet drills (problems' `conventions:`)."""
from reference.conv import Convolution
from reference.layers import Relu


class PreActResidualBlock:
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


class BottleneckStrideFirst:
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
