# expect: values
"""sigmoid is not tanh."""
import numpy as np


def tanh(x):
    return 1 / (1 + np.exp(-x))
