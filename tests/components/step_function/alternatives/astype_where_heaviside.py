"""np.heaviside with the value 0 at 0, as floats."""
import numpy as np


def step_function(x):
    return np.heaviside(x, 0.0)
