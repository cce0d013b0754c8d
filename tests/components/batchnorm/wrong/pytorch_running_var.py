# expect: convention
"""The running variance averages the unbiased batch variance (divided by N - 1), as PyTorch keeps it."""
import numpy as np


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
            self.running_var = self.momentum * self.running_var + (1 - self.momentum) * var * x.shape[0] / (x.shape[0] - 1)
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
