"""A loop over the T - 1 prediction steps with the book's softmax, summing then dividing once."""
import numpy as np
from reference.functions import softmax


class CausalLMLoss:
    def __init__(self):
        self.params, self.grads = [], []
        self.cache = None

    def forward(self, logits, ids):
        N, T, V = logits.shape
        total, ys = 0.0, []
        for t in range(T - 1):
            y = softmax(logits[:, t, :])
            total += -np.sum(np.log(y[np.arange(N), ids[:, t + 1]]))
            ys.append(y)
        self.cache = (ys, ids, logits.shape)
        return total / (N * (T - 1))

    def backward(self, dout=1):
        ys, ids, (N, T, V) = self.cache
        dlogits = np.zeros((N, T, V), dtype=ys[0].dtype)
        for t, y in enumerate(ys):
            d = y.copy()
            d[np.arange(N), ids[:, t + 1]] -= 1
            dlogits[:, t, :] = d * dout / (N * (T - 1))
        return dlogits
