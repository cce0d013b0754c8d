"""No given layers: the block written with its own einsum convolutions (3x3 pad 1, 1x1 projection), float64."""
import numpy as np


def _conv(x, W, b, stride, pad):
    FN, C, FH, FW = W.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    oh = (x.shape[2] + 2 * pad - FH) // stride + 1
    ow = (x.shape[3] + 2 * pad - FW) // stride + 1
    out = np.zeros((x.shape[0], FN, oh, ow))
    for i in range(FH):
        for j in range(FW):
            out += np.einsum('nchw,fc->nfhw', xp[:, :, i:i + stride * oh:stride, j:j + stride * ow:stride], W[:, :, i, j])
    return out + b[None, :, None, None], xp


def _conv_back(dout, xp, W, stride, pad, shape):
    FN, C, FH, FW = W.shape
    oh, ow = dout.shape[2:]
    dxp = np.zeros_like(xp)
    dW = np.zeros(W.shape)
    for i in range(FH):
        for j in range(FW):
            sl = (slice(None), slice(None), slice(i, i + stride * oh, stride), slice(j, j + stride * ow, stride))
            dW[:, :, i, j] = np.einsum('nfhw,nchw->fc', dout, xp[sl])
            dxp[sl] += np.einsum('nfhw,fc->nchw', dout, W[:, :, i, j])
    return dxp[:, :, pad:pad + shape[2], pad:pad + shape[3]], dW, dout.sum(axis=(0, 2, 3))


class _Conv:
    def __init__(self, W, b, stride, pad):
        self.W, self.b, self.stride, self.pad = W, b, stride, pad

    def forward(self, x):
        self.shape = x.shape
        out, self.xp = _conv(x.astype(np.float64), self.W, self.b, self.stride, self.pad)
        return out

    def backward(self, dout):
        dx, self.dW, self.db = _conv_back(dout, self.xp, self.W, self.stride, self.pad, self.shape)
        return dx


class ResidualBlock:
    def __init__(self, W1, b1, W2, b2, stride=1, Ws=None, bs=None):
        self.conv1 = _Conv(W1, b1, stride, 1)
        self.conv2 = _Conv(W2, b2, 1, 1)
        self.shortcut = None if Ws is None else _Conv(Ws, bs, stride, 0)

    def forward(self, x):
        h1 = self.conv1.forward(x)
        self.pos1 = h1 > 0
        z = self.conv2.forward(h1 * self.pos1) + (x if self.shortcut is None else self.shortcut.forward(x))
        self.pos2 = z > 0
        return z * self.pos2

    def backward(self, dout):
        dz = dout * self.pos2
        dx = self.conv1.backward(self.conv2.backward(dz) * self.pos1)
        return dx + (dz if self.shortcut is None else self.shortcut.backward(dz))
