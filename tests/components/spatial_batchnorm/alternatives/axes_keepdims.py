"""Per-channel batch normalisation on the 4-D array itself: statistics over axis=(0, 2, 3) with keepdims, gamma and
beta broadcast as (1, C, 1, 1), and the compact backward formula."""
import numpy as np


class SpatialBatchNormalization:
    def __init__(self, gamma, beta, momentum=0.9, running_mean=None, running_var=None):
        self.gamma = gamma
        self.beta = beta
        self.momentum = momentum
        self.running_mean = running_mean
        self.running_var = running_var
        self.xhat = None
        self.std = None
        self.dgamma = None
        self.dbeta = None

    def forward(self, x, train_flg=True):
        C = x.shape[1]
        g, b = self.gamma.reshape(1, C, 1, 1), self.beta.reshape(1, C, 1, 1)
        if self.running_mean is None:
            self.running_mean = np.zeros(C, dtype=x.dtype)
            self.running_var = np.zeros(C, dtype=x.dtype)
        if not train_flg:
            rm, rv = self.running_mean.reshape(1, C, 1, 1), self.running_var.reshape(1, C, 1, 1)
            return g * (x - rm) / np.sqrt(rv + 10e-7) + b
        mu = x.mean(axis=(0, 2, 3), keepdims=True)
        var = ((x - mu) ** 2).mean(axis=(0, 2, 3), keepdims=True)
        self.std = np.sqrt(var + 10e-7)
        self.xhat = (x - mu) / self.std
        self.running_mean = self.momentum * self.running_mean + (1 - self.momentum) * mu.reshape(C)
        self.running_var = self.momentum * self.running_var + (1 - self.momentum) * var.reshape(C)
        return g * self.xhat + b

    def backward(self, dout):
        C = dout.shape[1]
        axes = (0, 2, 3)
        self.dbeta = dout.sum(axis=axes)
        self.dgamma = (dout * self.xhat).sum(axis=axes)
        dxhat = dout * self.gamma.reshape(1, C, 1, 1)
        dx = (dxhat - dxhat.mean(axis=axes, keepdims=True)
              - self.xhat * (dxhat * self.xhat).mean(axis=axes, keepdims=True)) / self.std
        return dx
