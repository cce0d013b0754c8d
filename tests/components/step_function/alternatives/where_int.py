"""np.where on the comparison, int64."""
import numpy as np


def step_function(x):
    return np.where(x > 0, 1, 0).astype(np.int64)
