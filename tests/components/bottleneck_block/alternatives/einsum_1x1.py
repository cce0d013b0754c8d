"""The two 1x1 convolutions as einsums over channels (pointwise), only the 3x3 through the given Convolution."""
import numpy as np
from reference.conv import Convolution


class _Pointwise:
    def __init__(self, W, b, stride=1):
        self.W, self.b, self.stride = W, b, stride

    def forward(self, x):
        self.shape = x.shape
        self.x = x[:, :, ::self.stride, ::self.stride]
        return np.einsum('nchw,oc->nohw', self.x, self.W[:, :, 0, 0]) + self.b[:, None, None]

    def backward(self, dout):
        self.dW = np.einsum('nohw,nchw->oc', dout, self.x)[:, :, None, None]
        self.db = dout.sum(axis=(0, 2, 3))
        dx = np.zeros(self.shape, dtype=dout.dtype)
        dx[:, :, ::self.stride, ::self.stride] = np.einsum('nohw,oc->nchw', dout, self.W[:, :, 0, 0])
        return dx


class Bottleneck:
    def __init__(self, W1, b1, W2, b2, W3, b3, stride=1, Ws=None, bs=None):
        self.conv1 = _Pointwise(W1, b1)
        self.conv2 = Convolution(W2, b2, stride, 1)
        self.conv3 = _Pointwise(W3, b3)
        self.shortcut = None if Ws is None else _Pointwise(Ws, bs, stride)

    def forward(self, x):
        a1 = self.conv1.forward(x)
        self.m1 = a1 > 0
        a2 = self.conv2.forward(a1 * self.m1)
        self.m2 = a2 > 0
        z = self.conv3.forward(a2 * self.m2) + (x if self.shortcut is None else self.shortcut.forward(x))
        self.m3 = z > 0
        return z * self.m3

    def backward(self, dout):
        dz = dout * self.m3
        d = self.conv2.backward(self.conv3.backward(dz) * self.m2)
        dx = self.conv1.backward(d * self.m1)
        return dx + (dz if self.shortcut is None else self.shortcut.backward(dz))
