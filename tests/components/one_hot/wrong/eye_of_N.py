# expect: shape
"""np.eye of the batch size instead of the number of classes."""
import numpy as np


def one_hot(t, K):
    return np.eye(t.shape[0])[t]
