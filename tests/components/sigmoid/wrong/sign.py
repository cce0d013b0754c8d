# expect: values
"""exp(x) instead of exp(-x): that is sigmoid(-x)."""
import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(x))
