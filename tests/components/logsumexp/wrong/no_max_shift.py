# expect: finite
"""No maximum subtracted: exp(1000) overflows, exp(-1000) underflows to a log of 0."""
import numpy as np


def logsumexp(x, axis=-1):
    return np.log(np.sum(np.exp(x), axis=axis))


def log_softmax(x):
    return x - np.log(np.sum(np.exp(x), axis=-1, keepdims=True))
