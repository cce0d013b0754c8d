"""Layers with forward / backward, as in ゼロから作るDeep Learning, chapters 5 and 6.

Each layer keeps what its backward pass needs from the forward pass as attributes.
Parameters are attributes (W, b, gamma, beta) and so are their gradients after
backward (dW, db, dgamma, dbeta). No method writes into the arrays it is given,
except Relu.backward, which zeroes dout in place as the book's does.
"""
import numpy as np

from reference.functions import cross_entropy_error, softmax


class Relu:
    """ReLU layer. x, dout: any shape (the same shape).

    forward keeps a mask, True where x <= 0, and zeroes the output there;
    backward zeroes dout through the same mask, in place, as the book does (a
    network never uses dout again), and returns it.
    """

    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = (x <= 0)
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout[self.mask] = 0
        dx = dout
        return dx


class Sigmoid:
    """Sigmoid layer. x, dout: any shape (the same shape)."""

    def __init__(self):
        self.out = None

    def forward(self, x):
        out = 1 / (1 + np.exp(-x))
        self.out = out
        return out

    def backward(self, dout):
        dx = dout * (1.0 - self.out) * self.out
        return dx


class Tanh:
    """Tanh layer. x, dout: any shape (the same shape)."""

    def __init__(self):
        self.out = None

    def forward(self, x):
        out = np.tanh(x)
        self.out = out
        return out

    def backward(self, dout):
        dx = dout * (1.0 - self.out ** 2)
        return dx


class Affine:
    """Fully connected layer out = x W + b.

    W: (D, M), b: (M,).
    x: (N, D), or (N, d1, d2, ...) with d1 * d2 * ... = D (flattened per sample).
    dout: (N, M). backward returns dx in the original shape of x.
    """

    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.original_x_shape = None
        self.dW = None
        self.db = None

    def forward(self, x):
        self.original_x_shape = x.shape
        x = x.reshape(x.shape[0], -1)
        self.x = x
        out = np.dot(self.x, self.W) + self.b
        return out

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        dx = dx.reshape(*self.original_x_shape)
        return dx


class SoftmaxWithLoss:
    """Softmax followed by the cross entropy error.

    forward(x, t): x (N, D) scores; t (N, D) one-hot or (N,) integer labels.
    Returns the scalar loss (mean over the batch).
    backward(dout=1): returns dx (N, D) = dout * (y - t) / N, the exact gradient of
    the mean cross entropy (the 1e-7 inside the loss's log is a guard against
    log(0), not part of the model, and is left out of the gradient as in the book).
    """

    def __init__(self):
        self.loss = None
        self.y = None
        self.t = None

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss

    def backward(self, dout=1):
        batch_size = self.t.shape[0]
        if self.t.size == self.y.size:
            dx = (self.y - self.t) / batch_size
        else:
            dx = self.y.copy()
            dx[np.arange(batch_size), self.t] -= 1
            dx = dx / batch_size
        return dx * dout


class Dropout:
    """Dropout as in the book (non-inverted).

    Training: each unit is kept with probability 1 - dropout_ratio and the kept
    units pass unchanged. Inference: every unit is scaled by 1 - dropout_ratio, so
    the expected output matches training. (PyTorch's inverted dropout scales by
    1 / (1 - ratio) during training instead; both are correct.)
    x, dout: any shape. The mask is drawn with np.random.rand.
    """

    def __init__(self, dropout_ratio=0.5):
        self.dropout_ratio = dropout_ratio
        self.mask = None

    def forward(self, x, train_flg=True):
        if train_flg:
            self.mask = np.random.rand(*x.shape) > self.dropout_ratio
            return x * self.mask
        else:
            return x * (1.0 - self.dropout_ratio)

    def backward(self, dout):
        return dout * self.mask


class BatchNormalization:
    """Batch normalization (Ioffe & Szegedy 2015), the book's layer.

    gamma, beta: (D,). x, dout: (N, D), normalised per feature over the batch.
    Other input, e.g. images (N, C, H, W), is reshaped to (N, C*H*W) and normalised
    per activation, as the book does (gamma, beta: (C*H*W,)); per-channel
    normalisation for convolutions is SpatialBatchNormalization.
    The variance is the biased one (divided by N) for normalising and for the
    running average; 10e-7 is added inside the square root.
    running_mean = momentum * running_mean + (1 - momentum) * batch mean
    (PyTorch's momentum argument is 1 - this one, and its running variance is
    unbiased.) forward(x, train_flg=False) uses the running statistics, which are
    made on the first call in the input's dtype.
    """

    def __init__(self, gamma, beta, momentum=0.9, running_mean=None, running_var=None):
        self.gamma = gamma
        self.beta = beta
        self.momentum = momentum
        self.input_shape = None
        self.running_mean = running_mean
        self.running_var = running_var
        self.batch_size = None
        self.xc = None
        self.xn = None
        self.std = None
        self.dgamma = None
        self.dbeta = None

    def forward(self, x, train_flg=True):
        self.input_shape = x.shape
        if x.ndim != 2:
            N, C, H, W = x.shape
            x = x.reshape(N, -1)

        out = self.__forward(x, train_flg)
        return out.reshape(*self.input_shape)

    def __forward(self, x, train_flg):
        """x: (N, D), one column per feature."""
        if self.running_mean is None:
            D = x.shape[1]
            self.running_mean = np.zeros(D, dtype=x.dtype)
            self.running_var = np.zeros(D, dtype=x.dtype)

        if train_flg:
            mu = x.mean(axis=0)
            xc = x - mu
            var = np.mean(xc ** 2, axis=0)
            std = np.sqrt(var + 10e-7)
            xn = xc / std

            self.batch_size = x.shape[0]
            self.xc = xc
            self.xn = xn
            self.std = std
            self.running_mean = self.momentum * self.running_mean + (1 - self.momentum) * mu
            self.running_var = self.momentum * self.running_var + (1 - self.momentum) * var
        else:
            xc = x - self.running_mean
            xn = xc / np.sqrt(self.running_var + 10e-7)

        out = self.gamma * xn + self.beta
        return out

    def backward(self, dout):
        if dout.ndim != 2:
            N, C, H, W = dout.shape
            dout = dout.reshape(N, -1)

        dx = self.__backward(dout)
        dx = dx.reshape(*self.input_shape)
        return dx

    def __backward(self, dout):
        """dout: (N, D). Backpropagates through the computational graph of __forward."""
        dbeta = dout.sum(axis=0)
        dgamma = np.sum(self.xn * dout, axis=0)
        dxn = self.gamma * dout
        dxc = dxn / self.std
        dstd = -np.sum((dxn * self.xc) / (self.std * self.std), axis=0)
        dvar = 0.5 * dstd / self.std
        dxc += (2.0 / self.batch_size) * self.xc * dvar
        dmu = np.sum(dxc, axis=0)
        dx = dxc - dmu / self.batch_size

        self.dgamma = dgamma
        self.dbeta = dbeta
        return dx


class SpatialBatchNormalization:
    """Batch normalization per channel, for convolution layers (CS231n's spatial
    batch normalization, PyTorch's BatchNorm2d), with the book's conventions.

    gamma, beta: (C,). x, dout: (N, C, H, W). Each channel is normalised over its
    N*H*W values: the channel axis is moved last and the images flattened to
    (N*H*W, C) rows, which the book's BatchNormalization steps normalise per column.
    Biased variance, 10e-7 inside the square root, running averages
    momentum * running + (1 - momentum) * batch value, in the input's dtype.
    """

    def __init__(self, gamma, beta, momentum=0.9, running_mean=None, running_var=None):
        self.gamma = gamma
        self.beta = beta
        self.momentum = momentum
        self.running_mean = running_mean
        self.running_var = running_var
        self.batch_size = None
        self.xc = None
        self.xn = None
        self.std = None
        self.dgamma = None
        self.dbeta = None

    def forward(self, x, train_flg=True):
        N, C, H, W = x.shape
        x = x.transpose(0, 2, 3, 1).reshape(-1, C)
        out = self.__forward(x, train_flg)
        out = out.reshape(N, H, W, C).transpose(0, 3, 1, 2)
        return out

    def __forward(self, x, train_flg):
        """x: (N*H*W, C), one column per channel."""
        if self.running_mean is None:
            D = x.shape[1]
            self.running_mean = np.zeros(D, dtype=x.dtype)
            self.running_var = np.zeros(D, dtype=x.dtype)

        if train_flg:
            mu = x.mean(axis=0)
            xc = x - mu
            var = np.mean(xc ** 2, axis=0)
            std = np.sqrt(var + 10e-7)
            xn = xc / std

            self.batch_size = x.shape[0]
            self.xc = xc
            self.xn = xn
            self.std = std
            self.running_mean = self.momentum * self.running_mean + (1 - self.momentum) * mu
            self.running_var = self.momentum * self.running_var + (1 - self.momentum) * var
        else:
            xc = x - self.running_mean
            xn = xc / np.sqrt(self.running_var + 10e-7)

        out = self.gamma * xn + self.beta
        return out

    def backward(self, dout):
        N, C, H, W = dout.shape
        dout = dout.transpose(0, 2, 3, 1).reshape(-1, C)
        dx = self.__backward(dout)
        dx = dx.reshape(N, H, W, C).transpose(0, 3, 1, 2)
        return dx

    def __backward(self, dout):
        """dout: (N*H*W, C). Backpropagates through the computational graph of __forward."""
        dbeta = dout.sum(axis=0)
        dgamma = np.sum(self.xn * dout, axis=0)
        dxn = self.gamma * dout
        dxc = dxn / self.std
        dstd = -np.sum((dxn * self.xc) / (self.std * self.std), axis=0)
        dvar = 0.5 * dstd / self.std
        dxc += (2.0 / self.batch_size) * self.xc * dvar
        dmu = np.sum(dxc, axis=0)
        dx = dxc - dmu / self.batch_size

        self.dgamma = dgamma
        self.dbeta = dbeta
        return dx


class LayerNormalization:
    """Layer normalization (Ba et al. 2016) over the last axis.

    x, dout: (..., D), e.g. (N, D) or (N, T, D). gamma, beta: (D,).
    Each sample is normalised with its own mean and biased variance over the last
    axis; eps (1e-5, PyTorch's default) is added inside the square root.
    dgamma, dbeta: (D,), summed over every axis but the last.
    """

    def __init__(self, gamma, beta, eps=1e-5):
        self.gamma = gamma
        self.beta = beta
        self.eps = eps
        self.xn = None
        self.std = None
        self.dgamma = None
        self.dbeta = None

    def forward(self, x):
        mu = np.mean(x, axis=-1, keepdims=True)
        xc = x - mu
        var = np.mean(xc ** 2, axis=-1, keepdims=True)
        self.std = np.sqrt(var + self.eps)
        self.xn = xc / self.std
        out = self.gamma * self.xn + self.beta
        return out

    def backward(self, dout):
        D = dout.shape[-1]
        self.dbeta = dout.reshape(-1, D).sum(axis=0)
        self.dgamma = (dout * self.xn).reshape(-1, D).sum(axis=0)
        dxn = dout * self.gamma
        dx = (dxn - np.mean(dxn, axis=-1, keepdims=True)
              - self.xn * np.mean(dxn * self.xn, axis=-1, keepdims=True)) / self.std
        return dx
