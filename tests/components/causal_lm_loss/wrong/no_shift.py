# expect: mistake
"""The logits and the tokens compared at the same step: every step predicts itself."""
import numpy as np
from reference.functions import softmax


class CausalLMLoss:

    logits_steps = slice(None)
    ids_steps = slice(None)

    def __init__(self):
        self.params, self.grads = [], []
        self.cache = None

    def forward(self, logits, ids):
        N, T, V = logits.shape
        x = logits[:, self.logits_steps]
        t = ids[:, self.ids_steps].reshape(-1)
        y = softmax(x.reshape(-1, V))
        self.cache = (y, t, logits.shape)
        return -np.mean(np.log(y[np.arange(len(t)), t]))

    def backward(self, dout=1):
        y, t, shape = self.cache
        dx = y.copy()
        dx[np.arange(len(t)), t] -= 1
        dx *= dout / len(t)
        dlogits = np.zeros(shape, dtype=dx.dtype)
        dlogits[:, self.logits_steps] = dx.reshape(shape[0], -1, shape[2])
        return dlogits
