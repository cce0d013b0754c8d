"""dtype is advice (passes with a note on memory and speed): np.float64 constants promote a float32 input to float64."""
import numpy as np


def sigmoid(x):
    return np.float64(1.0) / (np.float64(1.0) + np.exp(-x).astype(np.float64))
