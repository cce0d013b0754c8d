"""The book's chapter 4 / common.functions softmax: transpose a batch so axis 0 is the class axis."""
import numpy as np


def softmax(x):
    if x.ndim == 2:
        x = x.T
        x = x - np.max(x, axis=0)
        y = np.exp(x) / np.sum(np.exp(x), axis=0)
        return y.T

    x = x - np.max(x)  # overflow guard
    return np.exp(x) / np.sum(np.exp(x))
