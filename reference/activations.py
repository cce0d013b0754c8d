"""Activation functions beyond the book's sigmoid / ReLU / softmax, and the log-sum-exp.

step_function is ゼロから作るDeep Learning ① chapter 3's form. LeakyRelu and GELU are layers in the form of the
book's Relu layer (forward keeps what backward needs). Every function keeps the dtype of its input.
"""
import numpy as np


def step_function(x):
    """Step function of the perceptron: 1 where x > 0, else 0 (also at x = 0).

    x: any shape. Returns an int array of the same shape.
    """
    return np.array(x > 0, dtype=int)


class LeakyRelu:
    """Leaky ReLU: x where x > 0, alpha * x elsewhere (alpha = 0.01 by default, PyTorch's)."""

    def __init__(self, alpha=0.01):
        self.alpha = alpha
        self.mask = None

    def forward(self, x):
        """x: any shape. Returns an array of the same shape."""
        self.mask = (x > 0)
        out = np.where(self.mask, x, self.alpha * x)
        return out

    def backward(self, dout):
        """The derivative is 1 on the positive side and alpha (not 0) on the other."""
        dx = np.where(self.mask, dout, self.alpha * dout)
        return dx


class GELU:
    """GELU, tanh approximation (Hendrycks & Gimpel; GPT-2, BERT's NumPy ports):
    0.5 x (1 + tanh(√(2/π) (x + 0.044715 x³))).
    """

    def __init__(self):
        self.x = None
        self.t = None

    def forward(self, x):
        """x: any shape. Returns an array of the same shape."""
        self.x = x
        self.t = np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x ** 3))
        out = 0.5 * x * (1 + self.t)
        return out

    def backward(self, dout):
        """dout: shaped like x. The product rule, and the chain rule through the forward's tanh."""
        x, t = self.x, self.t
        du = np.sqrt(2 / np.pi) * (1 + 3 * 0.044715 * x ** 2)
        dx = dout * (0.5 * (1 + t) + 0.5 * x * (1 - t ** 2) * du)
        return dx


def softmax_temperature(x, T=1.0):
    """Softmax of x / T over the last axis (T > 1 flatter, T < 1 sharper; T = 1 the softmax).

    x: (D,) or (N, D) logits; T > 0. The logits are divided by T first, then the maximum is subtracted
    so that exp never overflows.
    """
    x = x / T
    x = x - np.max(x, axis=-1, keepdims=True)
    exp_x = np.exp(x)
    return exp_x / np.sum(exp_x, axis=-1, keepdims=True)


def logsumexp(x, axis=-1):
    """log Σ exp(x) along axis, computed as m + log Σ exp(x - m) with m the maximum (no overflow).

    x: any shape. Returns x's shape without axis (as torch.logsumexp and scipy.special.logsumexp).
    """
    m = np.max(x, axis=axis, keepdims=True)
    s = m + np.log(np.sum(np.exp(x - m), axis=axis, keepdims=True))
    return np.squeeze(s, axis=axis)


def log_softmax(x):
    """log softmax(x) over the last axis: (x - m) - log Σ exp(x - m).

    x: (D,) or (N, D). Returns the same shape; finite even where softmax underflows to 0.
    """
    x = x - np.max(x, axis=-1, keepdims=True)
    return x - np.log(np.sum(np.exp(x), axis=-1, keepdims=True))
