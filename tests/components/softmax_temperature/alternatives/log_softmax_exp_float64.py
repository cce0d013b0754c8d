"""exp of the log-softmax of x / T, in float64."""
import numpy as np


def softmax_temperature(x, T=1.0):
    z = np.asarray(x, dtype=np.float64) * (1.0 / T)
    z = z - np.max(z, axis=-1, keepdims=True)
    return np.exp(z - np.log(np.sum(np.exp(z), axis=-1, keepdims=True)))
