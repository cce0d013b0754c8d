# Verbatim from ゼロから作るDeep Learning (oreilly-japan/deep-learning-from-scratch): common/optimizer.py (SGD).
# Copyright (c) 2016 Koki Saitoh, MIT License (tests/components/NOTICE-deep-learning-from-scratch.md).
# Test data only: the book's own code must pass this drill. examprep's reference is its own code.
"""The book's SGD."""
import numpy as np


class SGD:

    """確率的勾配降下法（Stochastic Gradient Descent）"""

    def __init__(self, lr=0.01):
        self.lr = lr
        
    def update(self, params, grads):
        for key in params.keys():
            params[key] -= self.lr * grads[key] 
