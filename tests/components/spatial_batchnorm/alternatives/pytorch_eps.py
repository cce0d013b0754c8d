"""BatchNormalization with PyTorch's eps = 1e-5 and a step-by-step computational-graph backward.
(momentum keeps the book's meaning: running = momentum * running + (1 - momentum) * batch.)"""
import numpy as np


class SpatialBatchNormalization:
    eps = 1e-5

    def __init__(self, gamma, beta, momentum=0.9, running_mean=None, running_var=None):
        self.gamma = gamma
        self.beta = beta
        self.momentum = momentum
        self.running_mean = running_mean
        self.running_var = running_var
        self.cache = None
        self.shape = None
        self.dgamma = None
        self.dbeta = None

    def forward(self, x, train_flg=True):
        self.shape = x.shape
        if x.ndim == 4:
            x = np.moveaxis(x, 1, -1).reshape(-1, x.shape[1])
        if self.running_mean is None:
            self.running_mean = np.zeros_like(x[0])
            self.running_var = np.zeros_like(x[0])
        if train_flg:
            mu = np.mean(x, axis=0)
            xmu = x - mu
            sq = xmu ** 2
            var = np.mean(sq, axis=0)
            sqrtvar = np.sqrt(var + self.eps)
            ivar = 1.0 / sqrtvar
            xhat = xmu * ivar
            self.cache = (xhat, xmu, ivar, sqrtvar, var)
            self.running_mean = self.momentum * self.running_mean + (1 - self.momentum) * mu
            self.running_var = self.momentum * self.running_var + (1 - self.momentum) * var
        else:
            xhat = (x - self.running_mean) / np.sqrt(self.running_var + self.eps)
        out = self.gamma * xhat + self.beta
        if len(self.shape) == 4:
            N, C, H, W = self.shape
            out = np.moveaxis(out.reshape(N, H, W, C), -1, 1)
        return out

    def backward(self, dout):
        if dout.ndim == 4:
            dout = np.moveaxis(dout, 1, -1).reshape(-1, dout.shape[1])
        xhat, xmu, ivar, sqrtvar, var = self.cache
        N = dout.shape[0]
        self.dbeta = np.sum(dout, axis=0)
        self.dgamma = np.sum(dout * xhat, axis=0)
        dxhat = dout * self.gamma
        divar = np.sum(dxhat * xmu, axis=0)
        dxmu1 = dxhat * ivar
        dsqrtvar = -1.0 / (sqrtvar ** 2) * divar
        dvar = 0.5 / np.sqrt(var + self.eps) * dsqrtvar
        dsq = np.ones_like(dout) / N * dvar
        dxmu2 = 2 * xmu * dsq
        dx1 = dxmu1 + dxmu2
        dmu = -np.sum(dx1, axis=0)
        dx = dx1 + np.ones_like(dout) / N * dmu
        if len(self.shape) == 4:
            N4, C, H, W = self.shape
            dx = np.moveaxis(dx.reshape(N4, H, W, C), -1, 1)
        return dx
