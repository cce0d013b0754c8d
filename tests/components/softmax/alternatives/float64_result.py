"""dtype is advice (passes with a note on memory and speed): Converts to float64 on the way: a float32 input gives a float64 output."""
import numpy as np


def softmax(x):
    x = np.asarray(x, dtype=np.float64)
    x = x - np.max(x, axis=-1, keepdims=True)
    exp_x = np.exp(x)
    return exp_x / np.sum(exp_x, axis=-1, keepdims=True)
