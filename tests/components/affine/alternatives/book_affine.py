# Verbatim from ゼロから作るDeep Learning (oreilly-japan/deep-learning-from-scratch): common/layers.py (Affine).
# Copyright (c) 2016 Koki Saitoh, MIT License (tests/components/NOTICE-deep-learning-from-scratch.md).
# Test data only: the book's own code must pass this drill. examprep's reference is its own code.
"""The book's Affine layer, tensor-aware version."""
import numpy as np


class Affine:
    def __init__(self, W, b):
        self.W =W
        self.b = b
        
        self.x = None
        self.original_x_shape = None
        # 重み・バイアスパラメータの微分
        self.dW = None
        self.db = None

    def forward(self, x):
        # テンソル対応
        self.original_x_shape = x.shape
        x = x.reshape(x.shape[0], -1)
        self.x = x

        out = np.dot(self.x, self.W) + self.b

        return out

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        
        dx = dx.reshape(*self.original_x_shape)  # 入力データの形状に戻す（テンソル対応）
        return dx
