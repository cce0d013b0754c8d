"""BatchNormalization with the compact backward formula
dx = (1/N) * gamma / std * (N * dy - sum(dy) - xhat * sum(dy * xhat)) with dy = dout; the book's eps 10e-7."""
import numpy as np


class SpatialBatchNormalization:
    def __init__(self, gamma, beta, momentum=0.9, running_mean=None, running_var=None):
        self.gamma = gamma
        self.beta = beta
        self.momentum = momentum
        self.running_mean = running_mean
        self.running_var = running_var
        self.input_shape = None
        self.xhat = None
        self.std = None
        self.dgamma = None
        self.dbeta = None

    @staticmethod
    def _to_2d(a):
        if a.ndim == 4:
            N, C, H, W = a.shape
            return a.transpose(0, 2, 3, 1).reshape(-1, C)
        return a

    def _from_2d(self, a):
        if len(self.input_shape) == 4:
            N, C, H, W = self.input_shape
            return a.reshape(N, H, W, C).transpose(0, 3, 1, 2)
        return a

    def forward(self, x, train_flg=True):
        self.input_shape = x.shape
        x = self._to_2d(x)
        if self.running_mean is None:
            self.running_mean = np.zeros(x.shape[1], dtype=x.dtype)
            self.running_var = np.zeros(x.shape[1], dtype=x.dtype)
        if train_flg:
            mu = x.mean(axis=0)
            var = x.var(axis=0)
            self.std = np.sqrt(var + 10e-7)
            self.xhat = (x - mu) / self.std
            self.running_mean = self.momentum * self.running_mean + (1 - self.momentum) * mu
            self.running_var = self.momentum * self.running_var + (1 - self.momentum) * var
            xhat = self.xhat
        else:
            xhat = (x - self.running_mean) / np.sqrt(self.running_var + 10e-7)
        return self._from_2d(self.gamma * xhat + self.beta)

    def backward(self, dout):
        dout = self._to_2d(dout)
        N = dout.shape[0]
        self.dbeta = dout.sum(axis=0)
        self.dgamma = np.sum(dout * self.xhat, axis=0)
        dx = (1.0 / N) * self.gamma / self.std * (
            N * dout - dout.sum(axis=0) - self.xhat * np.sum(dout * self.xhat, axis=0))
        return self._from_2d(dx)
