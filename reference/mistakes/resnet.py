"""Classic wrong answers of the ResNet drills (reference/resnet.py), for their `mistakes:` entries: each is the
reference with the one mistake it names."""
from reference.conv import Convolution
from reference.layers import Relu


class ResidualNoShortcut:
    """Residual block without the shortcut: out = relu(F(x)), a plain two-layer stack."""

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
        out = self.relu2.forward(h)
        return out

    def backward(self, dout):
        dh = self.relu2.backward(dout)
        ds = dh if self.shortcut is None else self.shortcut.backward(dh)
        dh = self.conv2.backward(dh)
        dh = self.relu1.backward(dh)
        dx = self.conv1.backward(dh)
        return dx


class ResidualShortcutAfterRelu:
    """Shortcut added after the last ReLU: out = relu(F(x)) + x. ResNet v1 adds before the ReLU: relu(F(x) + x)."""

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


class BottleneckNoShortcut:
    """Bottleneck without the shortcut: relu(conv3(...))."""

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
        h = self.conv3.forward(h)
        s = x if self.shortcut is None else self.shortcut.forward(x)
        out = self.relu3.forward(h)
        return out

    def backward(self, dout):
        dh = self.relu3.backward(dout)
        ds = dh if self.shortcut is None else self.shortcut.backward(dh)
        dh = self.conv3.backward(dh)
        dh = self.conv2.backward(self.relu2.backward(dh))
        dx = self.conv1.backward(self.relu1.backward(dh))
        return dx


class BottleneckReluBeforeAdd:
    """A ReLU after the expanding 1x1 before the addition, and the shortcut added after: relu(conv3) + x."""

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
