"""ResNet building blocks (He et al. 2015, v1 order) from the book's Convolution and Relu.

Batch normalisation is left out (think of it as folded into each convolution's
weights and bias), so that a block is exactly its convolutions, ReLUs and the
shortcut. v1 order: the shortcut is added BEFORE the last ReLU, out = relu(F(x) + x).
"""
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
        out = self.relu2.forward(h + s)
        return out

    def backward(self, dout):
        dh = self.relu2.backward(dout)
        ds = dh if self.shortcut is None else self.shortcut.backward(dh)
        dh = self.conv2.backward(dh)
        dh = self.relu1.backward(dh)
        dx = self.conv1.backward(dh)
        return dx + ds


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
        h = self.conv3.forward(h)
        s = x if self.shortcut is None else self.shortcut.forward(x)
        out = self.relu3.forward(h + s)
        return out

    def backward(self, dout):
        dh = self.relu3.backward(dout)
        ds = dh if self.shortcut is None else self.shortcut.backward(dh)
        dh = self.conv3.backward(dh)
        dh = self.conv2.backward(self.relu2.backward(dh))
        dx = self.conv1.backward(self.relu1.backward(dh))
        return dx + ds
