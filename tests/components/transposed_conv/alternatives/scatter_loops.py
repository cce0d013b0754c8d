"""Direct scatter: every input pixel adds its patch x[n, :, i, j] · W into the padded output; float64."""
import numpy as np


class TransposedConvolution:
    def __init__(self, W, b, stride=1, pad=0):
        self.W, self.b, self.stride, self.pad = W, b, stride, pad

    def forward(self, x):
        C_in, C_out, FH, FW = self.W.shape
        N, _, H, W = x.shape
        s, p = self.stride, self.pad
        big = np.zeros((N, C_out, (H - 1) * s + FH, (W - 1) * s + FW))
        for i in range(H):
            for j in range(W):
                big[:, :, i * s:i * s + FH, j * s:j * s + FW] += np.einsum('nc,cohw->nohw', x[:, :, i, j], self.W)
        self.x = x
        out = big[:, :, p:big.shape[2] - p, p:big.shape[3] - p]
        return out + self.b[None, :, None, None]

    def backward(self, dout):
        C_in, C_out, FH, FW = self.W.shape
        N, _, H, W = self.x.shape
        s, p = self.stride, self.pad
        big = np.pad(dout, ((0, 0), (0, 0), (p, p), (p, p)))
        dx = np.zeros((N, C_in, H, W))
        dW = np.zeros(self.W.shape)
        for i in range(H):
            for j in range(W):
                patch = big[:, :, i * s:i * s + FH, j * s:j * s + FW]
                dx[:, :, i, j] = np.einsum('nohw,cohw->nc', patch, self.W)
                dW += np.einsum('nc,nohw->cohw', self.x[:, :, i, j], patch)
        self.dW = dW
        self.db = dout.sum(axis=(0, 2, 3))
        return dx
