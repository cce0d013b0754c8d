# expect: mistake
"""Group norm over the wrong axes: statistics per channel over (H, W), i.e. instance norm whatever G is."""
import numpy as np


class GroupNormalization:
    """Group normalisation: each sample's channels split into G groups, each group normalised over (C/G, H, W).

    gamma, beta: (C,) per-channel scale and shift. G must divide C; G = C is
    instance normalisation, G = 1 normalises each sample over (C, H, W).
    eps = 1e-5 (PyTorch's). Variance biased (divided by C/G*H*W), as in training BN.
    x: (N, C, H, W) -> out: (N, C, H, W); forward sees x as (N, G, C/G*H*W).
    backward follows the book's BatchNormalization steps along the group axis.
    """

    def __init__(self, gamma, beta, G, eps=1e-5):
        self.gamma = gamma
        self.beta = beta
        self.G = G
        self.eps = eps
        self.xc = None
        self.xn = None
        self.std = None
        self.dgamma = None
        self.dbeta = None

    def forward(self, x):
        N, C, H, W = x.shape
        xg = x.reshape(N, C, -1)
        mu = xg.mean(axis=2, keepdims=True)
        xc = xg - mu
        var = np.mean(xc ** 2, axis=2, keepdims=True)
        std = np.sqrt(var + self.eps)
        xn = xc / std

        self.xc = xc
        self.xn = xn.reshape(N, C, H, W)
        self.std = std
        out = self.gamma.reshape(1, C, 1, 1) * self.xn + self.beta.reshape(1, C, 1, 1)
        return out

    def backward(self, dout):
        N, C, H, W = dout.shape
        M = self.xc.shape[2]
        self.dbeta = dout.sum(axis=(0, 2, 3))
        self.dgamma = np.sum(self.xn * dout, axis=(0, 2, 3))

        dxn = (self.gamma.reshape(1, C, 1, 1) * dout).reshape(N, C, -1)
        dxc = dxn / self.std
        dstd = -np.sum((dxn * self.xc) / (self.std * self.std), axis=2, keepdims=True)
        dvar = 0.5 * dstd / self.std
        dxc += (2.0 / M) * self.xc * dvar
        dmu = np.sum(dxc, axis=2, keepdims=True)
        dx = dxc - dmu / M
        return dx.reshape(N, C, H, W)
