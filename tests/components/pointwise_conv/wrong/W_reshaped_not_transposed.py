# expect: values
"""W (C_out, C_in) reshaped to (C_in, C_out) instead of transposed: the right shape for x_row @ W, the weights in the wrong places."""
import numpy as np


class PointwiseConvolution:
    """1x1 convolution: an Affine layer applied at every pixel, over the channels.

    W: (C_out, C_in), b: (C_out,). x: (N, C_in, H, W) -> out: (N, C_out, H, W).
    The pixels become rows, x.transpose(0, 2, 3, 1).reshape(-1, C_in), so that
    out = x_row @ W.T + b; backward is the Affine layer's.
    """

    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x_shape = None
        self.x_row = None
        self.dW = None
        self.db = None

    def forward(self, x):
        N, C, H, W = x.shape
        x_row = x.transpose(0, 2, 3, 1).reshape(-1, C)

        out = np.dot(x_row, self.W.reshape(C, -1)) + self.b
        out = out.reshape(N, H, W, -1).transpose(0, 3, 1, 2)

        self.x_shape = x.shape
        self.x_row = x_row
        return out

    def backward(self, dout):
        N, C, H, W = self.x_shape
        C_out = self.W.shape[0]
        dout = dout.transpose(0, 2, 3, 1).reshape(-1, C_out)

        self.db = np.sum(dout, axis=0)
        self.dW = np.dot(self.x_row.T, dout).reshape(self.W.shape)
        dx = np.dot(dout, self.W.reshape(C, -1).T)
        dx = dx.reshape(N, H, W, C).transpose(0, 3, 1, 2)
        return dx
