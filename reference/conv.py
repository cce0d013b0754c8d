"""Convolution and pooling with im2col, in the form of ゼロから作るDeep Learning, chapter 7.

Images are (N, C, H, W): batch, channels, height, width. Filters are
(FN, C, FH, FW). Padding is with zeros, on all four sides.

These are the book's code forms (common/util.py, common/layers.py), the forms the
exam shows; where they differ from the book, ARCHITECTURE.md ("Book-form policy")
says how and why. Faster forms for training live in reference/fast/.
"""
import numpy as np


def conv_output_size(input_size, filter_size, stride=1, pad=0):
    """Output height (or width) of a convolution or pooling: (H + 2P - FH) // S + 1."""
    return (input_size + 2 * pad - filter_size) // stride + 1


def im2col(input_data, filter_h, filter_w, stride=1, pad=0):
    """Unroll every filter-sized window of the images into one row.

    input_data: (N, C, H, W).
    Returns col: (N * out_h * out_w, C * filter_h * filter_w); row n*out_h*out_w +
    i*out_w + j holds the window at output position (i, j) of image n, ordered
    channel first, then filter row, then filter column. Keeps the input's dtype.

    The work array col is (N, C, filter_h, filter_w, out_h, out_w): for each
    position (y, x) inside the filter, one strided slice copies element (y, x) of
    every window at once. The final transpose brings the output positions to the
    front and the window's (C, filter_h, filter_w) to the back.
    """
    N, C, H, W = input_data.shape
    out_h = (H + 2 * pad - filter_h) // stride + 1
    out_w = (W + 2 * pad - filter_w) // stride + 1

    img = np.pad(input_data, [(0, 0), (0, 0), (pad, pad), (pad, pad)], 'constant')
    col = np.zeros((N, C, filter_h, filter_w, out_h, out_w), dtype=input_data.dtype)

    for y in range(filter_h):
        y_max = y + stride * out_h
        for x in range(filter_w):
            x_max = x + stride * out_w
            col[:, :, y, x, :, :] = img[:, :, y:y_max:stride, x:x_max:stride]

    col = col.transpose(0, 4, 5, 1, 2, 3).reshape(N * out_h * out_w, -1)
    return col


def col2im(col, input_shape, filter_h, filter_w, stride=1, pad=0):
    """The adjoint of im2col: add every row back into its window of the image.

    col: (N * out_h * out_w, C * filter_h * filter_w), laid out as im2col makes it.
    input_shape: (N, C, H, W) of the original images.
    Returns img: (N, C, H, W), in col's dtype. Where windows overlap, their values
    are summed. The padded image has stride - 1 spare rows and columns so that
    every slice end fits; they and the padding are cut off at the end.
    """
    N, C, H, W = input_shape
    out_h = (H + 2 * pad - filter_h) // stride + 1
    out_w = (W + 2 * pad - filter_w) // stride + 1
    col = col.reshape(N, out_h, out_w, C, filter_h, filter_w).transpose(0, 3, 4, 5, 1, 2)

    img = np.zeros((N, C, H + 2 * pad + stride - 1, W + 2 * pad + stride - 1), dtype=col.dtype)
    for y in range(filter_h):
        y_max = y + stride * out_h
        for x in range(filter_w):
            x_max = x + stride * out_w
            img[:, :, y:y_max:stride, x:x_max:stride] += col[:, :, y, x, :, :]

    return img[:, :, pad:H + pad, pad:W + pad]


class Convolution:
    """2-D convolution (cross-correlation, as in every DL framework) via im2col.

    W: (FN, C, FH, FW) filters, b: (FN,) biases.
    x: (N, C, H, W). Returns out: (N, FN, out_h, out_w).
    dout: (N, FN, out_h, out_w). backward returns dx (N, C, H, W) and sets dW, db.
    """

    def __init__(self, W, b, stride=1, pad=0):
        self.W = W
        self.b = b
        self.stride = stride
        self.pad = pad
        self.x = None
        self.col = None
        self.col_W = None
        self.dW = None
        self.db = None

    def forward(self, x):
        FN, C, FH, FW = self.W.shape
        N, C, H, W = x.shape
        out_h = 1 + int((H + 2 * self.pad - FH) / self.stride)
        out_w = 1 + int((W + 2 * self.pad - FW) / self.stride)

        col = im2col(x, FH, FW, self.stride, self.pad)
        col_W = self.W.reshape(FN, -1).T

        out = np.dot(col, col_W) + self.b
        out = out.reshape(N, out_h, out_w, -1).transpose(0, 3, 1, 2)

        self.x = x
        self.col = col
        self.col_W = col_W
        return out

    def backward(self, dout):
        FN, C, FH, FW = self.W.shape
        dout = dout.transpose(0, 2, 3, 1).reshape(-1, FN)

        self.db = np.sum(dout, axis=0)
        self.dW = np.dot(self.col.T, dout)
        self.dW = self.dW.transpose(1, 0).reshape(FN, C, FH, FW)

        dcol = np.dot(dout, self.col_W.T)
        dx = col2im(dcol, self.x.shape, FH, FW, self.stride, self.pad)
        return dx


class Pooling:
    """Max pooling via im2col. Padding is with zeros (as im2col pads).

    x: (N, C, H, W). Returns out: (N, C, out_h, out_w).
    forward unrolls the windows with im2col, one row per window of one channel,
    and keeps each row's argmax; backward puts each output's gradient at that
    position (the first maximum in row order, where several are equal) and folds
    the rows back with col2im.
    """

    def __init__(self, pool_h, pool_w, stride=2, pad=0):
        self.pool_h = pool_h
        self.pool_w = pool_w
        self.stride = stride
        self.pad = pad
        self.x = None
        self.arg_max = None

    def forward(self, x):
        N, C, H, W = x.shape
        out_h = int(1 + (H + 2 * self.pad - self.pool_h) / self.stride)
        out_w = int(1 + (W + 2 * self.pad - self.pool_w) / self.stride)

        col = im2col(x, self.pool_h, self.pool_w, self.stride, self.pad)
        col = col.reshape(-1, self.pool_h * self.pool_w)

        arg_max = np.argmax(col, axis=1)
        out = np.max(col, axis=1)
        out = out.reshape(N, out_h, out_w, C).transpose(0, 3, 1, 2)

        self.x = x
        self.arg_max = arg_max
        return out

    def backward(self, dout):
        dout = dout.transpose(0, 2, 3, 1)

        pool_size = self.pool_h * self.pool_w
        dmax = np.zeros((dout.size, pool_size), dtype=dout.dtype)
        dmax[np.arange(self.arg_max.size), self.arg_max.flatten()] = dout.flatten()
        dmax = dmax.reshape(dout.shape + (pool_size,))

        dcol = dmax.reshape(dmax.shape[0] * dmax.shape[1] * dmax.shape[2], -1)
        dx = col2im(dcol, self.x.shape, self.pool_h, self.pool_w, self.stride, self.pad)
        return dx


class AvgPooling:
    """Average pooling via im2col, in the form of the book's Pooling (the book has no
    average pooling). Padding is with zeros, counted in the average (PyTorch's
    count_include_pad=True).

    x: (N, C, H, W). Returns out: (N, C, out_h, out_w).
    backward spreads each output's gradient evenly over its window.
    """

    def __init__(self, pool_h, pool_w, stride=2, pad=0):
        self.pool_h = pool_h
        self.pool_w = pool_w
        self.stride = stride
        self.pad = pad
        self.x = None

    def forward(self, x):
        N, C, H, W = x.shape
        out_h = int(1 + (H + 2 * self.pad - self.pool_h) / self.stride)
        out_w = int(1 + (W + 2 * self.pad - self.pool_w) / self.stride)

        col = im2col(x, self.pool_h, self.pool_w, self.stride, self.pad)
        col = col.reshape(-1, self.pool_h * self.pool_w)

        out = np.mean(col, axis=1)
        out = out.reshape(N, out_h, out_w, C).transpose(0, 3, 1, 2)

        self.x = x
        return out

    def backward(self, dout):
        dout = dout.transpose(0, 2, 3, 1)

        pool_size = self.pool_h * self.pool_w
        dcol = np.repeat(dout.reshape(-1, 1) / pool_size, pool_size, axis=1)
        dcol = dcol.reshape(-1, self.x.shape[1] * pool_size)
        dx = col2im(dcol, self.x.shape, self.pool_h, self.pool_w, self.stride, self.pad)
        return dx
