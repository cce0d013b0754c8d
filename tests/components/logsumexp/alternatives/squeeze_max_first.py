"""The maximum without keepdims, expanded where it is subtracted; log_softmax through logsumexp."""
import numpy as np


def logsumexp(x, axis=-1):
    m = np.max(x, axis=axis)
    return m + np.log(np.sum(np.exp(x - np.expand_dims(m, axis)), axis=axis))


def log_softmax(x):
    return x - logsumexp(x, axis=-1)[..., None]
