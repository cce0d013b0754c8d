# expect: values
"""Normalised over the batch axis instead of the class axis."""
import numpy as np


def softmax(x):
    x = x - np.max(x, axis=0, keepdims=True)
    exp_x = np.exp(x)
    return exp_x / np.sum(exp_x, axis=0, keepdims=True)
