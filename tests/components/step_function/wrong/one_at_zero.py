# expect: convention
"""x >= 0: returns 1 at exactly 0."""
import numpy as np


def step_function(x):
    return (x >= 0).astype(int)
