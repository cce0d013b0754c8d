# expect: values
"""Channels moved last with transpose(0, 3, 2, 1), which also swaps H and W: the rows come width-first, not in the (n, h, w) order col2im and im2col use."""
import numpy as np
from reference.conv import im2col, col2im


class TransposedConvolution:
    """Transposed convolution (逆畳み込み): the adjoint of the im2col convolution.

    W: (C_in, C_out, FH, FW) (PyTorch's ConvTranspose2d layout), b: (C_out,).
    x: (N, C_in, H, W) -> out: (N, C_out, (H - 1)*S - 2P + FH, (W - 1)*S - 2P + FW).
    Every input pixel becomes one row of columns, x_row @ W.reshape(C_in, -1), and
    col2im adds each row's (C_out, FH, FW) patch into the output, as a convolution's
    backward folds dcol into dx. backward is therefore a convolution: im2col of
    dout gives one row per input pixel.
    """

    def __init__(self, W, b, stride=1, pad=0):
        self.W = W
        self.b = b
        self.stride = stride
        self.pad = pad
        self.x_shape = None
        self.x_row = None
        self.dW = None
        self.db = None

    def forward(self, x):
        C_in, C_out, FH, FW = self.W.shape
        N, C_in, H, W = x.shape
        out_h = (H - 1) * self.stride - 2 * self.pad + FH
        out_w = (W - 1) * self.stride - 2 * self.pad + FW

        x_row = x.transpose(0, 3, 2, 1).reshape(-1, C_in)
        col = np.dot(x_row, self.W.reshape(C_in, -1))
        out = col2im(col, (N, C_out, out_h, out_w), FH, FW, self.stride, self.pad)
        out = out + self.b.reshape(1, C_out, 1, 1)

        self.x_shape = x.shape
        self.x_row = x_row
        return out

    def backward(self, dout):
        C_in, C_out, FH, FW = self.W.shape
        N, C_in, H, W = self.x_shape

        self.db = np.sum(dout, axis=(0, 2, 3))
        dcol = im2col(dout, FH, FW, self.stride, self.pad)
        self.dW = np.dot(self.x_row.T, dcol).reshape(C_in, C_out, FH, FW)

        dx = np.dot(dcol, self.W.reshape(C_in, -1).T)
        dx = dx.reshape(N, W, H, C_in).transpose(0, 3, 2, 1)
        return dx
