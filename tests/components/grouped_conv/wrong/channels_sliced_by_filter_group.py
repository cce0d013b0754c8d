# expect: exception
"""Grouped conv slicing the input channels by the filter-group size: x[:, g*Fg:(g+1)*Fg] for x[:, g*Cg:(g+1)*Cg] (Fg = FN / G filters, Cg = C / G channels per group; the same only when FN = C)."""
import numpy as np
from reference.conv import im2col, col2im


class GroupedConvolution:
    """Grouped convolution: the channels split into `groups` blocks, each convolved on its own.

    W: (FN, C // groups, FH, FW), b: (FN,). x: (N, C, H, W) -> out: (N, FN, out_h, out_w).
    Group g sees input channels g*C/G .. (g+1)*C/G - 1 and owns filters
    g*FN/G .. (g+1)*FN/G - 1 (PyTorch's groups); the groups' outputs are
    concatenated along the channel axis.
    """

    def __init__(self, W, b, groups, stride=1, pad=0):
        self.W = W
        self.b = b
        self.groups = groups
        self.stride = stride
        self.pad = pad
        self.x_shape = None
        self.cols = None
        self.col_Ws = None
        self.dW = None
        self.db = None

    def forward(self, x):
        FN, Cg, FH, FW = self.W.shape
        N, C, H, W = x.shape
        Fg = FN // self.groups
        out_h = (H + 2 * self.pad - FH) // self.stride + 1
        out_w = (W + 2 * self.pad - FW) // self.stride + 1

        self.cols, self.col_Ws, outs = [], [], []
        for g in range(self.groups):
            col = im2col(x[:, g * Fg:(g + 1) * Fg], FH, FW, self.stride, self.pad)
            col_W = self.W[g * Fg:(g + 1) * Fg].reshape(Fg, -1).T
            outs.append(np.dot(col, col_W))
            self.cols.append(col)
            self.col_Ws.append(col_W)

        out = np.concatenate(outs, axis=1) + self.b
        out = out.reshape(N, out_h, out_w, -1).transpose(0, 3, 1, 2)

        self.x_shape = x.shape
        return out

    def backward(self, dout):
        FN, Cg, FH, FW = self.W.shape
        N, C, H, W = self.x_shape
        Fg = FN // self.groups
        dout = dout.transpose(0, 2, 3, 1).reshape(-1, FN)

        self.db = np.sum(dout, axis=0)
        self.dW = np.zeros_like(self.W)
        dx = np.zeros((N, C, H, W), dtype=dout.dtype)
        for g in range(self.groups):
            dout_g = dout[:, g * Fg:(g + 1) * Fg]
            dW_g = np.dot(self.cols[g].T, dout_g)
            self.dW[g * Fg:(g + 1) * Fg] = dW_g.T.reshape(Fg, Cg, FH, FW)
            dcol = np.dot(dout_g, self.col_Ws[g].T)
            dx[:, g * Fg:(g + 1) * Fg] = col2im(dcol, (N, Cg, H, W), FH, FW, self.stride, self.pad)
        return dx
