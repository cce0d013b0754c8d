"""Activation functions, loss functions and the numerical gradient.

Follows ゼロから作るDeep Learning, chapters 3 and 4. Every function keeps the dtype
of its input (float32 stays float32) and never writes into its arguments.
"""
import numpy as np


def sigmoid(x):
    """Logistic sigmoid 1 / (1 + exp(-x)).

    x: any shape. Returns an array of the same shape.
    """
    return 1 / (1 + np.exp(-x))


def relu(x):
    """Rectified linear unit max(0, x).

    x: any shape. Returns an array of the same shape.
    """
    return np.maximum(0, x)


def tanh(x):
    """Hyperbolic tangent (exp(x) - exp(-x)) / (exp(x) + exp(-x)).

    x: any shape. Returns an array of the same shape.
    """
    return np.tanh(x)


def softmax(x):
    """Softmax over the last axis.

    x: (D,) or (N, D) scores. Returns probabilities of the same shape.
    The maximum is subtracted first so that exp never overflows (inputs like
    1000 and -1000 are fine); the result is unchanged by the shift.
    """
    x = x - np.max(x, axis=-1, keepdims=True)
    exp_x = np.exp(x)
    return exp_x / np.sum(exp_x, axis=-1, keepdims=True)


def cross_entropy_error(y, t):
    """Cross entropy -sum(t * log(y)), averaged over the batch.

    y: (N, D) or (D,) probabilities (output of softmax).
    t: one-hot labels of the same shape as y, or integer labels (N,) (an array, as in the book).
    The 1e-7 inside the log keeps log(0) from giving -inf (the book's delta).
    """
    if y.ndim == 1:
        t = np.reshape(t, (1, -1))
        y = y.reshape(1, -1)
    if t.size == y.size:
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size


def mean_squared_error(y, t):
    """Sum of squared errors times one half, 0.5 * sum((y - t)**2), as in the book.

    y, t: arrays of the same shape. Not divided by the batch size.
    """
    return 0.5 * np.sum((y - t) ** 2)


def numerical_gradient(f, x):
    """Gradient of the scalar function f at x by central differences.

    f: callable taking x and returning a scalar.
    x: float array of any shape. It is perturbed one element at a time and
       restored exactly, so it holds its original values afterwards.
    Returns an array of the same shape as x.
    """
    h = 1e-4
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        tmp_val = x[idx]
        x[idx] = tmp_val + h
        fxh1 = f(x)
        x[idx] = tmp_val - h
        fxh2 = f(x)
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = tmp_val
    return grad
