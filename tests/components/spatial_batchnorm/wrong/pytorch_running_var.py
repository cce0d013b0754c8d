# expect: convention
"""The running variance averages the unbiased batch variance (divided by N*H*W - 1), as nn.BatchNorm2d keeps it."""
import numpy as np


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
            self.running_var = self.momentum * self.running_var + (1 - self.momentum) * np.var(x, axis=0, ddof=1)
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
