"""np.bincount of the flattened index t * K + p."""
import numpy as np


def confusion_matrix(y_true, y_pred, num_classes):
    flat = y_true * num_classes + y_pred
    return np.bincount(flat, minlength=num_classes ** 2).reshape(num_classes, num_classes)
