"""ReLU as x times the boolean mask x > 0."""
import numpy as np


def relu(x):
    return x * (x > 0)
