"""Convolutions beyond the book's Convolution: the naive loop form, 1x1 (pointwise), depthwise,
grouped, dilated and transposed convolution.

Each is a layer in the book's form (forward / backward, gradients dW and db as
attributes) and, except the naive loops, is built on the book's im2col / col2im.
Images are (N, C, H, W); filters follow PyTorch's layouts so that F.conv2d and
F.conv_transpose2d take them as they are.
"""
import numpy as np

from reference.conv import im2col, col2im


class NaiveConvolution:
    """2-D convolution written with loops over the output positions (no im2col).

    W: (FN, C, FH, FW), b: (FN,). x: (N, C, H, W) -> out: (N, FN, out_h, out_w).
    Each output position is the window x_pad[:, :, i*S:i*S+FH, j*S:j*S+FW]
    contracted with every filter over (C, FH, FW). backward walks the same windows:
    each one receives dout[:, :, i, j] spread back through W, and adds
    dout[:, :, i, j] times the window to dW.
    """

    def __init__(self, W, b, stride=1, pad=0):
        self.W = W
        self.b = b
        self.stride = stride
        self.pad = pad
        self.x_shape = None
        self.x_pad = None
        self.dW = None
        self.db = None

    def forward(self, x):
        FN, C, FH, FW = self.W.shape
        N, C, H, W = x.shape
        out_h = (H + 2 * self.pad - FH) // self.stride + 1
        out_w = (W + 2 * self.pad - FW) // self.stride + 1

        x_pad = np.pad(x, [(0, 0), (0, 0), (self.pad, self.pad), (self.pad, self.pad)], 'constant')
        out = np.zeros((N, FN, out_h, out_w), dtype=x.dtype)
        for i in range(out_h):
            for j in range(out_w):
                h0 = i * self.stride
                w0 = j * self.stride
                window = x_pad[:, :, h0:h0 + FH, w0:w0 + FW]
                out[:, :, i, j] = np.tensordot(window, self.W, axes=([1, 2, 3], [1, 2, 3]))
        out += self.b.reshape(1, FN, 1, 1)

        self.x_shape = x.shape
        self.x_pad = x_pad
        return out

    def backward(self, dout):
        FN, C, FH, FW = self.W.shape
        N, C, H, W = self.x_shape
        out_h, out_w = dout.shape[2], dout.shape[3]

        dx_pad = np.zeros_like(self.x_pad)
        self.dW = np.zeros_like(self.W)
        for i in range(out_h):
            for j in range(out_w):
                h0 = i * self.stride
                w0 = j * self.stride
                window = self.x_pad[:, :, h0:h0 + FH, w0:w0 + FW]
                dwindow = dx_pad[:, :, h0:h0 + FH, w0:w0 + FW]
                self.dW += np.tensordot(dout[:, :, i, j], window, axes=([0], [0]))
                dwindow += np.tensordot(dout[:, :, i, j], self.W, axes=([1], [0]))
        self.db = np.sum(dout, axis=(0, 2, 3))

        dx = dx_pad[:, :, self.pad:self.pad + H, self.pad:self.pad + W]
        return dx


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

        out = np.dot(x_row, self.W.T) + self.b
        out = out.reshape(N, H, W, -1).transpose(0, 3, 1, 2)

        self.x_shape = x.shape
        self.x_row = x_row
        return out

    def backward(self, dout):
        N, C, H, W = self.x_shape
        C_out = self.W.shape[0]
        dout = dout.transpose(0, 2, 3, 1).reshape(-1, C_out)

        self.db = np.sum(dout, axis=0)
        self.dW = np.dot(dout.T, self.x_row)
        dx = np.dot(dout, self.W)
        dx = dx.reshape(N, H, W, C).transpose(0, 3, 1, 2)
        return dx


class DepthwiseConvolution:
    """Depthwise convolution (PyTorch's groups = C): one filter per channel, no sum over channels.

    W: (C, 1, FH, FW), b: (C,). x: (N, C, H, W) -> out: (N, C, out_h, out_w).
    im2col's rows are split per channel, col: (N*out_h*out_w, C, FH*FW); each
    channel's taps are weighted by its own filter and summed over the window only.
    """

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

        out = np.sum(col * col_W, axis=2) + self.b
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
            col = im2col(x[:, g * Cg:(g + 1) * Cg], FH, FW, self.stride, self.pad)
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
            dx[:, g * Cg:(g + 1) * Cg] = col2im(dcol, (N, Cg, H, W), FH, FW, self.stride, self.pad)
        return dx


class DilatedConvolution:
    """Dilated (atrous) convolution: the filter's taps spaced `dilation` pixels apart.

    W: (FN, C, FH, FW), b: (FN,). x: (N, C, H, W) -> out: (N, FN, out_h, out_w).
    forward inserts dilation - 1 zeros between the taps (effective size
    dilation * (FH - 1) + 1) and convolves with that filter as the book's
    Convolution does; the stride is unchanged. backward takes dW at the taps only.
    """

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
        d = self.dilation
        FH_d = d * (FH - 1) + 1
        FW_d = d * (FW - 1) + 1
        W_d = np.zeros((FN, C, FH_d, FW_d), dtype=self.W.dtype)
        W_d[:, :, ::d, ::d] = self.W
        out_h = (H + 2 * self.pad - FH_d) // self.stride + 1
        out_w = (W + 2 * self.pad - FW_d) // self.stride + 1

        col = im2col(x, FH_d, FW_d, self.stride, self.pad)
        col_W = W_d.reshape(FN, -1).T

        out = np.dot(col, col_W) + self.b
        out = out.reshape(N, out_h, out_w, -1).transpose(0, 3, 1, 2)

        self.x_shape = x.shape
        self.col = col
        self.W_d = W_d
        return out

    def backward(self, dout):
        FN, C, FH_d, FW_d = self.W_d.shape
        d = self.dilation
        dout = dout.transpose(0, 2, 3, 1).reshape(-1, FN)

        self.db = np.sum(dout, axis=0)
        dW_d = np.dot(self.col.T, dout).transpose(1, 0).reshape(FN, C, FH_d, FW_d)
        self.dW = dW_d[:, :, ::d, ::d]

        dcol = np.dot(dout, self.W_d.reshape(FN, -1))
        dx = col2im(dcol, self.x_shape, FH_d, FW_d, self.stride, self.pad)
        return dx


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

        x_row = x.transpose(0, 2, 3, 1).reshape(-1, C_in)
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
        dx = dx.reshape(N, H, W, C_in).transpose(0, 3, 1, 2)
        return dx
