"""Counts one sample at a time with a for loop, in a float matrix."""
import numpy as np


def confusion_matrix(y_true, y_pred, num_classes):
    cm = np.zeros((num_classes, num_classes))
    for t, p in zip(y_true, y_pred):
        cm[t, p] += 1
    return cm
