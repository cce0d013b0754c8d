"""Affine layer written with np.einsum; N-D inputs flattened per sample."""
import numpy as np


class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.original_shape = None
        self.dW = None
        self.db = None

    def forward(self, x):
        self.original_shape = x.shape
        self.x = x.reshape(x.shape[0], np.prod(x.shape[1:], dtype=int))
        return np.einsum('nd,dm->nm', self.x, self.W) + self.b

    def backward(self, dout):
        self.dW = np.einsum('nd,nm->dm', self.x, dout)
        self.db = np.einsum('nm->m', dout)
        dx = np.einsum('nm,dm->nd', dout, self.W)
        return dx.reshape(self.original_shape)
