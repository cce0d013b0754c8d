"""softmax(x) = exp(x - logsumexp(x)), the log-domain formulation (as scipy.special.softmax)."""
import numpy as np


def softmax(x):
    m = np.max(x, axis=-1, keepdims=True)
    lse = m + np.log(np.sum(np.exp(x - m), axis=-1, keepdims=True))
    return np.exp(x - lse)
