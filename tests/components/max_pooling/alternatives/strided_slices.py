"""Max pooling without im2col: np.maximum over strided slices, gradient to the first maximum of each window (examprep's earlier reference)."""
import numpy as np


def conv_output_size(input_size, filter_size, stride=1, pad=0):
    """Output height (or width) of a convolution or pooling: (H + 2P - FH) // S + 1."""
    return (input_size + 2 * pad - filter_size) // stride + 1


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
