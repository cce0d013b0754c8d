"""Classic wrong answers of the special-convolution and normalisation drills (reference/conv_special.py,
normalization.py), for their `mistakes:` entries: each is the reference with the one mistake it names."""
import numpy as np

from reference.conv import im2col, col2im


class DepthwiseSumsOverChannels:
    """Depthwise conv that also sums over the input channels: one output channel (an ordinary convolution's), not C."""

    def __init__(self, W, b, stride=1, pad=0):
        self.W = W
        self.b = b
        self.stride = stride
        self.pad = pad
        self.x_shape = None
        self.col = None
        self.col_W = None
        self.dW = None
        self.db = None

    def forward(self, x):
        C, _, FH, FW = self.W.shape
        N, C, H, W = x.shape
        out_h = (H + 2 * self.pad - FH) // self.stride + 1
        out_w = (W + 2 * self.pad - FW) // self.stride + 1

        col = im2col(x, FH, FW, self.stride, self.pad).reshape(-1, C, FH * FW)
        col_W = self.W.reshape(C, FH * FW)

        out = np.sum(col * col_W, axis=(1, 2))[:, np.newaxis] + self.b
        out = out.reshape(N, out_h, out_w, -1).transpose(0, 3, 1, 2)

        self.x_shape = x.shape
        self.col = col
        self.col_W = col_W
        return out

    def backward(self, dout):
        C, _, FH, FW = self.W.shape
        dout = dout.transpose(0, 2, 3, 1).reshape(-1, C)

        self.db = np.sum(dout, axis=0)
        self.dW = np.sum(self.col * dout[:, :, np.newaxis], axis=0).reshape(C, 1, FH, FW)

        dcol = dout[:, :, np.newaxis] * self.col_W
        dcol = dcol.reshape(-1, C * FH * FW)
        dx = col2im(dcol, self.x_shape, FH, FW, self.stride, self.pad)
        return dx


class GroupedConvChannelsInterleaved:
    """Grouped conv mixing groups: group g takes channels g, g+G, g+2G... (x[:, g::G]) instead of a contiguous block."""

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
            col = im2col(x[:, g::self.groups], FH, FW, self.stride, self.pad)
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
            dx[:, g::self.groups] = col2im(dcol, (N, Cg, H, W), FH, FW, self.stride, self.pad)
        return dx


class GroupedConvFirstGroupOnly:
    """Every group convolves the first block of channels x[:, :Cg]: the other groups' inputs are never used."""

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
            col = im2col(x[:, :Cg], FH, FW, self.stride, self.pad)
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
            dx[:, :Cg] += col2im(dcol, (N, Cg, H, W), FH, FW, self.stride, self.pad)
        return dx


class DilationAsStride:
    """Dilation applied to the stride: the window moves d * stride pixels, the filter stays dense."""

    def __init__(self, W, b, stride=1, pad=0, dilation=1):
        self.W = W
        self.b = b
        self.stride = stride
        self.pad = pad
        self.dilation = dilation
        self.x_shape = None
        self.col = None
        self.W_d = None
        self.dW = None
        self.db = None

    def forward(self, x):
        FN, C, FH, FW = self.W.shape
        N, C, H, W = x.shape
        d = 1
        FH_d = d * (FH - 1) + 1
        FW_d = d * (FW - 1) + 1
        W_d = np.zeros((FN, C, FH_d, FW_d), dtype=self.W.dtype)
        W_d[:, :, ::d, ::d] = self.W
        out_h = (H + 2 * self.pad - FH_d) // (self.stride * self.dilation) + 1
        out_w = (W + 2 * self.pad - FW_d) // (self.stride * self.dilation) + 1

        col = im2col(x, FH_d, FW_d, self.stride * self.dilation, self.pad)
        col_W = W_d.reshape(FN, -1).T

        out = np.dot(col, col_W) + self.b
        out = out.reshape(N, out_h, out_w, -1).transpose(0, 3, 1, 2)

        self.x_shape = x.shape
        self.col = col
        self.W_d = W_d
        return out

    def backward(self, dout):
        FN, C, FH_d, FW_d = self.W_d.shape
        d = 1
        dout = dout.transpose(0, 2, 3, 1).reshape(-1, FN)

        self.db = np.sum(dout, axis=0)
        dW_d = np.dot(self.col.T, dout).transpose(1, 0).reshape(FN, C, FH_d, FW_d)
        self.dW = dW_d[:, :, ::d, ::d]

        dcol = np.dot(dout, self.W_d.reshape(FN, -1))
        dx = col2im(dcol, self.x_shape, FH_d, FW_d, self.stride * self.dilation, self.pad)
        return dx


class GroupNormInterleaved:
    """Group norm over the wrong axes: x.reshape(N, -1, G) puts channels c, c+G, c+2G... in one group (strided, not contiguous)."""

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
        xg = x.reshape(N, C // self.G, self.G, H * W).transpose(0, 2, 1, 3).reshape(N, self.G, -1)
        mu = xg.mean(axis=2, keepdims=True)
        xc = xg - mu
        var = np.mean(xc ** 2, axis=2, keepdims=True)
        std = np.sqrt(var + self.eps)
        xn = xc / std

        self.xc = xc
        self.xn = xn.reshape(N, self.G, C // self.G, H * W).transpose(0, 2, 1, 3).reshape(N, C, H, W)
        self.std = std
        out = self.gamma.reshape(1, C, 1, 1) * self.xn + self.beta.reshape(1, C, 1, 1)
        return out

    def backward(self, dout):
        N, C, H, W = dout.shape
        M = self.xc.shape[2]
        self.dbeta = dout.sum(axis=(0, 2, 3))
        self.dgamma = np.sum(self.xn * dout, axis=(0, 2, 3))

        dxn = (self.gamma.reshape(1, C, 1, 1) * dout).reshape(N, C // self.G, self.G, H * W).transpose(0, 2, 1, 3).reshape(N, self.G, -1)
        dxc = dxn / self.std
        dstd = -np.sum((dxn * self.xc) / (self.std * self.std), axis=2, keepdims=True)
        dvar = 0.5 * dstd / self.std
        dxc += (2.0 / M) * self.xc * dvar
        dmu = np.sum(dxc, axis=2, keepdims=True)
        dx = dxc - dmu / M
        return dx.reshape(N, self.G, C // self.G, H * W).transpose(0, 2, 1, 3).reshape(N, C, H, W)


class GroupNormOverBatch:
    """Group norm over the wrong axes: the statistics of each group are pooled over the batch too (axis=(0, 2)), as batch norm would."""

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
        xg = x.reshape(N, self.G, -1)
        mu = xg.mean(axis=(0, 2), keepdims=True)
        xc = xg - mu
        var = np.mean(xc ** 2, axis=(0, 2), keepdims=True)
        std = np.sqrt(var + self.eps)
        xn = xc / std

        self.xc = xc
        self.xn = xn.reshape(N, C, H, W)
        self.std = std
        out = self.gamma.reshape(1, C, 1, 1) * self.xn + self.beta.reshape(1, C, 1, 1)
        return out

    def backward(self, dout):
        N, C, H, W = dout.shape
        M = self.xc.shape[0] * self.xc.shape[2]
        self.dbeta = dout.sum(axis=(0, 2, 3))
        self.dgamma = np.sum(self.xn * dout, axis=(0, 2, 3))

        dxn = (self.gamma.reshape(1, C, 1, 1) * dout).reshape(N, self.G, -1)
        dxc = dxn / self.std
        dstd = -np.sum((dxn * self.xc) / (self.std * self.std), axis=(0, 2), keepdims=True)
        dvar = 0.5 * dstd / self.std
        dxc += (2.0 / M) * self.xc * dvar
        dmu = np.sum(dxc, axis=(0, 2), keepdims=True)
        dx = dxc - dmu / M
        return dx.reshape(N, C, H, W)


class GroupNormPerChannel:
    """Group norm over the wrong axes: statistics per channel over (H, W), i.e. instance norm whatever G is."""

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
