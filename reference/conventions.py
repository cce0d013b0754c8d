"""Other legitimate conventions than the drills' own, as implementations the grader can recognise.

Where a drill follows one convention among several (max-pooling ties to the first maximum, as the book's
argmax; the book's biased running variance; padded zeros counted in average pooling; the book's
mean_squared_error), its problem file lists these under `conventions:`. When an answer fails and behaves
exactly like one of them, the failure names that convention instead of calling the formula wrong.

These classes and functions are graded with the problem's cases in place of the reference target, so
each keeps the target's API. They are not drills: nothing is blanked in them.
"""
import numpy as np

from reference.conv import col2im, conv_output_size, im2col

# --------------------------------------------------------------------------- max pooling: ties


class _PoolingTies:
    """Max pooling via im2col (the book's forward); backward routes each window's gradient to its maxima
    by tie_weights(mask), mask: (windows, pool_h * pool_w), True where the row equals its maximum."""

    def __init__(self, pool_h, pool_w, stride=2, pad=0):
        self.pool_h = pool_h
        self.pool_w = pool_w
        self.stride = stride
        self.pad = pad
        self.x = None
        self.mask = None

    def forward(self, x):
        N, C, H, W = x.shape
        out_h = conv_output_size(H, self.pool_h, self.stride, self.pad)
        out_w = conv_output_size(W, self.pool_w, self.stride, self.pad)
        col = im2col(x, self.pool_h, self.pool_w, self.stride, self.pad).reshape(-1, self.pool_h * self.pool_w)
        out = np.max(col, axis=1)
        self.x = x
        self.mask = col == out[:, None]
        return out.reshape(N, out_h, out_w, C).transpose(0, 3, 1, 2)

    def tie_weights(self, mask):
        raise NotImplementedError

    def backward(self, dout):
        dout = dout.transpose(0, 2, 3, 1)
        dmax = self.tie_weights(self.mask).astype(dout.dtype) * dout.reshape(-1, 1)
        dcol = dmax.reshape(dout.shape[0] * dout.shape[1] * dout.shape[2], -1)
        return col2im(dcol, self.x.shape, self.pool_h, self.pool_w, self.stride, self.pad)


class PoolingAllTies(_PoolingTies):
    """Every position equal to the window's maximum gets the whole gradient (a mask `x == max`)."""

    def tie_weights(self, mask):
        return mask


class PoolingSplitTies(_PoolingTies):
    """The gradient is shared equally among the positions equal to the window's maximum."""

    def tie_weights(self, mask):
        return mask / mask.sum(axis=1, keepdims=True)


class PoolingLastTie(_PoolingTies):
    """The gradient goes to the last maximum of the window in row order."""

    def tie_weights(self, mask):
        last = mask.shape[1] - 1 - np.argmax(mask[:, ::-1], axis=1)
        weights = np.zeros(mask.shape, dtype=bool)
        weights[np.arange(mask.shape[0]), last] = True
        return weights


# --------------------------------------------------------------------------- average pooling: padding


class AvgPoolingExcludePad:
    """Average pooling that divides by the number of real (not padded) pixels in each window: PyTorch's
    avg_pool2d(count_include_pad=False)."""

    def __init__(self, pool_h, pool_w, stride=2, pad=0):
        self.pool_h = pool_h
        self.pool_w = pool_w
        self.stride = stride
        self.pad = pad
        self.x = None
        self.count = None

    def forward(self, x):
        N, C, H, W = x.shape
        out_h = conv_output_size(H, self.pool_h, self.stride, self.pad)
        out_w = conv_output_size(W, self.pool_w, self.stride, self.pad)
        ones = np.ones((1, 1, H, W), dtype=x.dtype)
        count = im2col(ones, self.pool_h, self.pool_w, self.stride, self.pad).sum(axis=1)
        self.count = np.maximum(count, 1).reshape(1, out_h, out_w, 1)
        col = im2col(x, self.pool_h, self.pool_w, self.stride, self.pad).reshape(-1, self.pool_h * self.pool_w)
        out = col.sum(axis=1).reshape(N, out_h, out_w, C) / self.count
        self.x = x
        return out.transpose(0, 3, 1, 2)

    def backward(self, dout):
        dout = dout.transpose(0, 2, 3, 1) / self.count
        pool_size = self.pool_h * self.pool_w
        dcol = np.repeat(dout.reshape(-1, 1), pool_size, axis=1).reshape(-1, self.x.shape[1] * pool_size)
        return col2im(dcol, self.x.shape, self.pool_h, self.pool_w, self.stride, self.pad)


# --------------------------------------------------------------------------- batch normalisation: running statistics


class _BatchNorm:
    """The book's batch normalisation steps on rows, with two conventions as switches:
    unbiased_running_var (PyTorch: the running variance averages var * n / (n - 1)) and
    torch_momentum (PyTorch's meaning of momentum: running = (1 - momentum) * running + momentum * batch).
    per_channel: 4-D input per channel (the spatial drill), else flattened per sample (the book's layer)."""

    unbiased_running_var = False
    torch_momentum = False
    per_channel = False

    def __init__(self, gamma, beta, momentum=0.9, running_mean=None, running_var=None):
        self.gamma = gamma
        self.beta = beta
        self.momentum = momentum
        self.running_mean = running_mean
        self.running_var = running_var
        self.shape = None
        self.xn = None
        self.std = None
        self.dgamma = None
        self.dbeta = None

    def _rows(self, a):
        if a.ndim == 2:
            return a
        if self.per_channel:
            return a.transpose(0, 2, 3, 1).reshape(-1, a.shape[1])
        return a.reshape(a.shape[0], -1)

    def _unrows(self, a):
        if len(self.shape) == 2:
            return a
        if self.per_channel:
            N, C, H, W = self.shape
            return a.reshape(N, H, W, C).transpose(0, 3, 1, 2)
        return a.reshape(self.shape)

    def forward(self, x, train_flg=True):
        self.shape = x.shape
        x = self._rows(x)
        if self.running_mean is None:
            self.running_mean = np.zeros(x.shape[1], dtype=x.dtype)
            self.running_var = np.zeros(x.shape[1], dtype=x.dtype)
        if train_flg:
            n = x.shape[0]
            mu = x.mean(axis=0)
            var = np.mean((x - mu) ** 2, axis=0)
            self.std = np.sqrt(var + 10e-7)
            self.xn = (x - mu) / self.std
            kept = var * n / max(n - 1, 1) if self.unbiased_running_var else var
            m = 1 - self.momentum if self.torch_momentum else self.momentum
            self.running_mean = m * self.running_mean + (1 - m) * mu
            self.running_var = m * self.running_var + (1 - m) * kept
            xn = self.xn
        else:
            xn = (x - self.running_mean) / np.sqrt(self.running_var + 10e-7)
        return self._unrows(self.gamma * xn + self.beta)

    def backward(self, dout):
        dout = self._rows(dout)
        self.dbeta = dout.sum(axis=0)
        self.dgamma = np.sum(self.xn * dout, axis=0)
        dxn = self.gamma * dout
        dx = (dxn - dxn.mean(axis=0) - self.xn * np.mean(dxn * self.xn, axis=0)) / self.std
        return self._unrows(dx)


class BatchNormUnbiasedRunningVar(_BatchNorm):
    """The book's layer, but the running variance is unbiased (N - 1), as PyTorch keeps it."""
    unbiased_running_var = True


class BatchNormTorchMomentum(_BatchNorm):
    """The book's layer, but momentum weights the batch (PyTorch's meaning of the argument)."""
    torch_momentum = True


class SpatialBatchNormUnbiasedRunningVar(_BatchNorm):
    """Per-channel batch normalisation with PyTorch's unbiased running variance (N*H*W - 1)."""
    per_channel = True
    unbiased_running_var = True


class SpatialBatchNormTorchMomentum(_BatchNorm):
    """Per-channel batch normalisation with PyTorch's meaning of momentum."""
    per_channel = True
    torch_momentum = True


# --------------------------------------------------------------------------- squared error: normalisation


def mean_squared_error_mean(y, t):
    """The mean of the squared errors over every element (PyTorch's MSELoss, scikit-learn's)."""
    return np.mean((y - t) ** 2)


def sum_squared_error_no_half(y, t):
    """The plain sum of squared errors, without the book's factor 1/2."""
    return np.sum((y - t) ** 2)
