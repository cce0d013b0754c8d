# expect: values
"""np.sign gives -1 on the negative side (a step from -1 to 1, not 0 to 1)."""
import numpy as np


def step_function(x):
    return np.sign(x).astype(int)
