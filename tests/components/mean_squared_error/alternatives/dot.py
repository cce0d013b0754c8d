"""Half the squared Euclidean norm of the flattened error, as a dot product."""
import numpy as np


def mean_squared_error(y, t):
    e = (y - t).ravel()
    return 0.5 * np.dot(e, e)
