# expect: values
"""Divided by N * T (every step) although only T - 1 steps make a prediction."""
import numpy as np
from reference.functions import softmax


class CausalLMLoss:
    def __init__(self):
        self.params, self.grads = [], []
        self.cache = None

    def forward(self, logits, ids):
        N, T, V = logits.shape
        x = logits[:, :-1].reshape(N * (T - 1), V)
        t = ids[:, 1:].reshape(N * (T - 1))
        y = softmax(x)
        self.cache = (y, t, (N, T, V))
        return -np.sum(np.log(y[np.arange(N * (T - 1)), t])) / (N * T)

    def backward(self, dout=1):
        y, t, (N, T, V) = self.cache
        dx = y.copy()
        dx[np.arange(len(t)), t] -= 1
        dx *= dout / (N * T)
        dlogits = np.zeros((N, T, V), dtype=dx.dtype)
        dlogits[:, :-1] = dx.reshape(N, T - 1, V)
        return dlogits
