# expect: values
"""np.heaviside(x, 0.5): 0.5 at exactly 0."""
import numpy as np


def step_function(x):
    return np.heaviside(x, 0.5)
