# expect: shape
"""Takes the number of classes from the labels seen (max + 1), ignoring K."""
import numpy as np


def one_hot(t, K):
    return np.eye(t.max() + 1)[t]
