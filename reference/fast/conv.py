"""Fast forms of Convolution and Pooling (the book's forms: reference/conv.py), channels last in memory.

x: (N, C, H, W) in the API, as in the book; in memory the fast layers keep feature maps as (N, H, W, C) and pass
(N, C, H, W) views of it. Why that is faster:
- im2col's window rows are (filter row, filter column, channel) here: each copy moves C neighbouring numbers, where
  the book's (channel, filter row, filter column) order from an NCHW image, or from a channels-last one, moves one
  number at a time; and the matrix product's (N * out_h * out_w, FN) result already is the (N, out_h, out_w, FN)
  output: no transposing copy after the product, none before the backward's product.
- For one input channel (the first layer) the columns are filled transposed, (FH * FW, N * out_h * out_w): each
  copy is then a contiguous image row; the matrix product reads the transposed view at no cost.
- Each part of the batch (reference.fast.parallel) makes its own columns and products on its own core.
- Convolution(..., input_grad=False) skips dx for a first layer (nobody uses the gradient of the images).
- Max pooling takes the maximum of the pool_h * pool_w strided slices, one pass each, and remembers which slice won
  (uint8) instead of an im2col copy and an argmax over it.
"""
import numpy as np

from reference.fast import parallel
from reference.fast.layout import channels_last, nchw_view, scratch


def conv_output_size(input_size, filter_size, stride=1, pad=0):
    """Output height (or width): (H + 2P - FH) // S + 1."""
    return (input_size + 2 * pad - filter_size) // stride + 1


def _padded(img, pad):
    """img (n, H, W, C) with `pad` zeros on the four sides: a new (n, H + 2P, W + 2P, C) array (img itself when
    pad is 0)."""
    if pad == 0:
        return img
    n, H, W, C = img.shape
    out = np.zeros((n, H + 2 * pad, W + 2 * pad, C), dtype=img.dtype)
    out[:, pad:pad + H, pad:pad + W, :] = img
    return out


def _windows(xp, FH, FW, stride, out_h, out_w):
    """xp (n, Hp, Wp, C), C-contiguous -> a read-only (n, out_h, out_w, FH, FW * C) view: [k, i, j, y] is row y of
    the window at output (i, j), whose FW * C numbers lie next to each other in channels-last memory. Copying this
    view fills im2col's columns in one pass of contiguous runs."""
    s0, s1, s2, s3 = xp.strides
    n, _, _, C = xp.shape
    return np.lib.stride_tricks.as_strided(xp, shape=(n, out_h, out_w, FH, FW * C),
                                           strides=(s0, stride * s1, stride * s2, s1, s3), writeable=False)


class Convolution:
    """2-D convolution (cross-correlation) via a channels-last im2col; the book's Convolution, faster.

    W: (FN, C, FH, FW), b: (FN,); stride, pad as in the book.
    forward(x): x (N, C, H, W) -> (N, FN, out_h, out_w), a view of (N, out_h, out_w, FN) memory.
    backward(dout): dout (N, FN, out_h, out_w) -> dx (N, C, H, W) (None with input_grad=False); sets dW, db.

    The columns carry a last column of ones and the weight matrix the bias as its last row, so the matrix product
    adds the bias (no pass over the output) and col.T @ dout gives db as its last row.
    """

    def __init__(self, W, b, stride=1, pad=0, input_grad=True):
        self.W = W
        self.b = b
        self.stride = stride
        self.pad = pad
        self.input_grad = input_grad
        self.x_shape = None
        self.col = None         # (N * out_h * out_w, FH * FW * C + 1): window rows (filter row, column, channel), 1
        self.col_W = None       # (FH * FW * C + 1, FN): the filters, then the bias
        self.dW = None
        self.db = None
        self._work = {}         # reused work arrays (layout.scratch)

    def forward(self, x):
        FN, C, FH, FW = self.W.shape
        N, _, H, W = x.shape
        s, p = self.stride, self.pad
        out_h, out_w = conv_output_size(H, FH, s, p), conv_output_size(W, FW, s, p)
        rows, K = out_h * out_w, FH * FW * C
        img = channels_last(x)                                            # (N, H, W, C)
        dtype = np.result_type(x.dtype, self.W.dtype)
        col_W = np.empty((K + 1, FN), dtype=dtype)                        # a small copy
        col_W[:K] = self.W.transpose(2, 3, 1, 0).reshape(K, FN)
        col_W[K] = self.b
        transposed = C == 1
        if transposed:
            col = scratch(self._work, "colT", (K + 1, N * rows), dtype)
            col[K] = 1
        else:
            col = scratch(self._work, "col", (N * rows, K + 1), dtype)
            col[:, K] = 1
        out = np.empty((N * rows, FN), dtype=dtype)
        if p:
            padded = scratch(self._work, "padded", (N, H + 2 * p, W + 2 * p, C), dtype, zeros=True)  # border stays 0

        def part(lo, hi):
            if p:
                padded[lo:hi, p:p + H, p:p + W, :] = img[lo:hi]
            xp = padded[lo:hi] if p else img[lo:hi]
            n = hi - lo
            if transposed:
                c = col[:, lo * rows:hi * rows]
                view = c[:K].reshape(FH, FW, n, out_h, out_w)
                for y in range(FH):
                    for x_ in range(FW):
                        view[y, x_] = xp[:, y:y + s * out_h:s, x_:x_ + s * out_w:s, 0]
                c = c.T
            else:
                c = col[lo * rows:hi * rows]
                np.copyto(c[:, :K].reshape(n, out_h, out_w, FH, FW * C), _windows(xp, FH, FW, s, out_h, out_w))
            np.matmul(c, col_W, out=out[lo * rows:hi * rows])

        parallel.run(part, N, work=col.size + out.size)
        self.x_shape = x.shape
        self.col = col.T if transposed else col
        self.col_W = col_W
        return nchw_view(out.reshape(N, out_h, out_w, FN))

    def backward(self, dout):
        FN, C, FH, FW = self.W.shape
        N, _, H, W = self.x_shape
        s, p = self.stride, self.pad
        out_h, out_w = dout.shape[2], dout.shape[3]
        rows, K = out_h * out_w, FH * FW * C
        dout = channels_last(dout).reshape(N * rows, FN)
        dx = np.empty((N, H, W, C), dtype=dout.dtype) if self.input_grad else None
        if dx is not None:
            # dcol by filter position: (FH * FW, N * out_h * out_w, C), so that col2im adds contiguous blocks
            # (a strided source would make each add about 3x slower)
            W_by_position = self.col_W[:K].reshape(FH * FW, C, FN).transpose(0, 2, 1)
            dcols = scratch(self._work, "dcol", (FH * FW, N * rows, C), dx.dtype)
            dimgs = scratch(self._work, "dimg", (N, H + 2 * p + s - 1, W + 2 * p + s - 1, C), dx.dtype)

        def part(lo, hi):
            d = dout[lo * rows:hi * rows]
            grads = self.col[lo * rows:hi * rows].T @ d           # (K + 1, FN): dW rows, then db
            if dx is not None:
                n = hi - lo
                dcol = np.matmul(d, W_by_position, out=dcols[:, lo * rows:hi * rows])
                dcol = dcol.reshape(FH, FW, n, out_h, out_w, C)
                dimg = dimgs[lo:hi]
                dimg.fill(0)
                for y in range(FH):
                    for x_ in range(FW):
                        dimg[:, y:y + s * out_h:s, x_:x_ + s * out_w:s, :] += dcol[y, x_]
                dx[lo:hi] = dimg[:, p:p + H, p:p + W, :]
            return grads

        results = parallel.run(part, N, work=self.col.size + dout.size)
        grads = results[0]
        for more in results[1:]:
            grads = grads + more
        self.dW = grads[:K].reshape(FH, FW, C, FN).transpose(3, 2, 0, 1).copy()
        self.db = grads[K].copy()
        return None if dx is None else nchw_view(dx)


class Pooling:
    """Max pooling over strided slices; the book's Pooling (im2col + argmax), faster. Zero padding as the book's.

    forward(x): x (N, C, H, W) -> (N, C, out_h, out_w), a view of (N, out_h, out_w, C) memory.
    backward(dout): dout (N, C, out_h, out_w) -> dx (N, C, H, W). Each output's gradient goes to the first maximum
    of its window in row order, as the book's argmax.

    Why faster: for each of the pool_h * pool_w positions k inside the windows, one strided slice of the image holds
    element k of every window; forward takes np.maximum slice by slice and keeps the position of the first maximum
    as a uint8 (arg += (slice > max so far) * (k - arg): branch-free arithmetic, where a masked np.copyto is about
    10x slower on random data); backward writes dout * (arg == k) into slice k. No im2col copy, no argmax.
    """

    def __init__(self, pool_h, pool_w, stride=2, pad=0):
        self.pool_h = pool_h
        self.pool_w = pool_w
        self.stride = stride
        self.pad = pad
        self.x_shape = None
        self.arg = None       # (N, out_h, out_w, C) uint8: position k = i * pool_w + j of the window's first maximum

    def _windows(self, out_h, out_w):
        """Index of slice k = i * pool_w + j: element (i, j) of every window, in row order."""
        s = self.stride
        for i in range(self.pool_h):
            for j in range(self.pool_w):
                yield (slice(None), slice(i, i + s * out_h, s), slice(j, j + s * out_w, s))

    def forward(self, x):
        N, C, H, W = x.shape
        out_h = conv_output_size(H, self.pool_h, self.stride, self.pad)
        out_w = conv_output_size(W, self.pool_w, self.stride, self.pad)
        img = _padded(channels_last(x), self.pad)
        out = np.empty((N, out_h, out_w, C), dtype=x.dtype)
        arg = np.empty((N, out_h, out_w, C), dtype=np.uint8)

        def part(lo, hi):
            xp, o, a = img[lo:hi], out[lo:hi], arg[lo:hi]
            greater = np.empty(o.shape, dtype=bool)
            step = np.empty(o.shape, dtype=np.uint8)
            for k, window in enumerate(self._windows(out_h, out_w)):
                if k == 0:
                    o[...] = xp[window]
                    a.fill(0)
                    continue
                np.greater(xp[window], o, out=greater)   # strictly: a later equal value does not win
                np.maximum(o, xp[window], out=o)
                np.subtract(k, a, out=step)              # arg <- k where greater, else arg unchanged
                np.multiply(step, greater, out=step)
                a += step

        parallel.run(part, N, work=x.size)
        self.x_shape = x.shape
        self.arg = arg
        return nchw_view(out)

    def backward(self, dout):
        N, C, H, W = self.x_shape
        dout = channels_last(dout)
        out_h, out_w = dout.shape[1], dout.shape[2]
        p, s = self.pad, self.stride
        overlapping = s < max(self.pool_h, self.pool_w)
        covered = p == 0 and not overlapping and H == out_h * self.pool_h and W == out_w * self.pool_w
        dx = np.empty((N, H, W, C), dtype=dout.dtype)
        padded_shape = (H + 2 * p + s, W + 2 * p + s, C)

        def part(lo, hi):
            d, a = dout[lo:hi], self.arg[lo:hi]
            dimg = dx[lo:hi] if covered else np.zeros((hi - lo,) + padded_shape, dtype=dout.dtype)
            here = np.empty(a.shape, dtype=bool)
            for k, window in enumerate(self._windows(out_h, out_w)):
                np.equal(a, k, out=here)
                if overlapping:
                    dimg[window] += d * here
                else:                                   # each input position lies in one window at most
                    np.multiply(d, here, out=dimg[window])
            if not covered:
                dx[lo:hi] = dimg[:, p:p + H, p:p + W, :]

        parallel.run(part, N, work=dx.size)
        return nchw_view(dx)
