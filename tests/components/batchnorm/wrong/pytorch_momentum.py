# expect: convention
"""running = (1 - momentum) * running + momentum * batch: PyTorch's meaning of momentum with the book's value."""
import numpy as np


class BatchNormalization:
    def __init__(self, gamma, beta, momentum=0.9, running_mean=None, running_var=None):
        self.gamma, self.beta, self.momentum = gamma, beta, momentum
        self.running_mean, self.running_var = running_mean, running_var
        self.input_shape = self.xn = self.std = self.dgamma = self.dbeta = None

    def forward(self, x, train_flg=True):
        self.input_shape = x.shape
        if x.ndim == 4:
            N, C, H, W = x.shape
            x = x.reshape(N, -1)
        if self.running_mean is None:
            self.running_mean = np.zeros(x.shape[1], dtype=x.dtype)
            self.running_var = np.zeros(x.shape[1], dtype=x.dtype)
        if train_flg:
            mu = x.mean(axis=0)
            var = x.var(axis=0)
            self.std = np.sqrt(var + 10e-7)
            self.xn = (x - mu) / self.std
            self.running_mean = (1 - self.momentum) * self.running_mean + self.momentum * mu
            self.running_var = (1 - self.momentum) * self.running_var + self.momentum * var
            xn = self.xn
        else:
            xn = (x - self.running_mean) / np.sqrt(self.running_var + 10e-7)
        out = self.gamma * xn + self.beta
        if len(self.input_shape) == 4:
            N, C, H, W = self.input_shape
            out = out.reshape(N, C, H, W)
        return out

    def backward(self, dout):
        if dout.ndim == 4:
            N, C, H, W = dout.shape
            dout = dout.reshape(N, -1)
        n = dout.shape[0]
        self.dbeta = dout.sum(axis=0)
        self.dgamma = np.sum(dout * self.xn, axis=0)
        dx = self.gamma / self.std / n * (n * dout - dout.sum(axis=0) - self.xn * np.sum(dout * self.xn, axis=0))
        if len(self.input_shape) == 4:
            N, C, H, W = self.input_shape
            dx = dx.reshape(N, C, H, W)
        return dx
