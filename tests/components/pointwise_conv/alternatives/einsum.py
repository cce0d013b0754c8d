"""np.einsum over the channel axis, images kept in (N, C, H, W)."""
import numpy as np


class PointwiseConvolution:
    def __init__(self, W, b):
        self.W = W
        self.b = b

    def forward(self, x):
        self.x = x
        return np.einsum('nchw,oc->nohw', x, self.W) + self.b[None, :, None, None]

    def backward(self, dout):
        self.dW = np.einsum('nohw,nchw->oc', dout, self.x)
        self.db = dout.sum(axis=(0, 2, 3))
        return np.einsum('nohw,oc->nchw', dout, self.W)
