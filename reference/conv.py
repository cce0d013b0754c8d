"""Convolution and pooling with im2col, as in ゼロから作るDeep Learning, chapter 7.

Images are (N, C, H, W): batch, channels, height, width. Filters are
(FN, C, FH, FW). Padding is with zeros, on all four sides.
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

    The work array is made in the result's own layout, (N, out_h, out_w, C,
    filter_h, filter_w), and the image is read channels last, (N, H, W, C), in
    the same order, so the final reshape copies nothing. (The book fills
    (N, C, filter_h, filter_w, out_h, out_w) and transposes at the end: the same
    result, but that transposing copy moves 3 numbers at a time and is slow.)
    """
    N, C, H, W = input_data.shape
    out_h = conv_output_size(H, filter_h, stride, pad)
    out_w = conv_output_size(W, filter_w, stride, pad)

    img = input_data.transpose(0, 2, 3, 1)
    img = np.pad(img, [(0, 0), (pad, pad), (pad, pad), (0, 0)], 'constant')
    col = np.zeros((N, out_h, out_w, C, filter_h, filter_w), dtype=input_data.dtype)

    for y in range(filter_h):
        y_max = y + stride * out_h
        for x in range(filter_w):
            x_max = x + stride * out_w
            col[:, :, :, :, y, x] = img[:, y:y_max:stride, x:x_max:stride, :]

    col = col.reshape(N * out_h * out_w, -1)
    return col


def col2im(col, input_shape, filter_h, filter_w, stride=1, pad=0):
    """The adjoint of im2col: add every row back into its window of the image.

    col: (N * out_h * out_w, C * filter_h * filter_w), laid out as im2col makes it.
    input_shape: (N, C, H, W) of the original images.
    Returns img: (N, C, H, W). Where windows overlap, their values are summed.
    As in im2col, the work image is channels last, (N, H, W, C).
    """
    N, C, H, W = input_shape
    out_h = conv_output_size(H, filter_h, stride, pad)
    out_w = conv_output_size(W, filter_w, stride, pad)
    col = col.reshape(N, out_h, out_w, C, filter_h, filter_w)

    img = np.zeros((N, H + 2 * pad + stride - 1, W + 2 * pad + stride - 1, C), dtype=col.dtype)
    for y in range(filter_h):
        y_max = y + stride * out_h
        for x in range(filter_w):
            x_max = x + stride * out_w
            img[:, y:y_max:stride, x:x_max:stride, :] += col[:, :, :, :, y, x]

    img = img[:, pad:H + pad, pad:W + pad, :]
    return img.transpose(0, 3, 1, 2)


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
        out_h = conv_output_size(H, FH, self.stride, self.pad)
        out_w = conv_output_size(W, FW, self.stride, self.pad)

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
    """Max pooling. Padding is with zeros (as the book's im2col pads).

    x: (N, C, H, W). Returns out: (N, C, out_h, out_w).
    backward sends each output's gradient to the position of its window's maximum
    (the first one in row order, where several are equal).

    Like im2col, it loops over the positions (i, j) inside the window: one strided
    slice picks element (i, j) of every window at once. The image is channels
    last, (N, H, W, C), as in im2col.
    """

    def __init__(self, pool_h, pool_w, stride=2, pad=0):
        self.pool_h = pool_h
        self.pool_w = pool_w
        self.stride = stride
        self.pad = pad
        self.x = None
        self.img = None
        self.out = None

    def forward(self, x):
        N, C, H, W = x.shape
        out_h = conv_output_size(H, self.pool_h, self.stride, self.pad)
        out_w = conv_output_size(W, self.pool_w, self.stride, self.pad)

        img = x.transpose(0, 2, 3, 1)
        img = np.pad(img, [(0, 0), (self.pad, self.pad), (self.pad, self.pad), (0, 0)], 'constant')
        out = np.full((N, out_h, out_w, C), -np.inf, dtype=x.dtype)
        for i in range(self.pool_h):
            i_max = i + self.stride * out_h
            for j in range(self.pool_w):
                j_max = j + self.stride * out_w
                out = np.maximum(out, img[:, i:i_max:self.stride, j:j_max:self.stride, :])

        self.x = x
        self.img = img
        self.out = out
        return out.transpose(0, 3, 1, 2)

    def backward(self, dout):
        N, C, H, W = self.x.shape
        dout = dout.transpose(0, 2, 3, 1)
        out_h, out_w = dout.shape[1], dout.shape[2]

        dimg = np.zeros(self.img.shape, dtype=dout.dtype)
        routed = np.zeros(dout.shape, dtype=bool)
        for i in range(self.pool_h):
            i_max = i + self.stride * out_h
            for j in range(self.pool_w):
                j_max = j + self.stride * out_w
                window = self.img[:, i:i_max:self.stride, j:j_max:self.stride, :]
                first_max = (window == self.out) & ~routed
                dimg[:, i:i_max:self.stride, j:j_max:self.stride, :] += dout * first_max
                routed |= first_max

        dimg = dimg[:, self.pad:H + self.pad, self.pad:W + self.pad, :]
        return dimg.transpose(0, 3, 1, 2)


class AvgPooling:
    """Average pooling via im2col. Padding is with zeros, counted in the average.

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
        out_h = conv_output_size(H, self.pool_h, self.stride, self.pad)
        out_w = conv_output_size(W, self.pool_w, self.stride, self.pad)

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
