# expect: values
"""MSE as the book's loss 0.5 × Σ (y − ŷ)² (a loss, not the metric's mean)."""
import numpy as np


def mse(y, y_pred):
    return 0.5 * np.sum((y - y_pred) ** 2)


def rmse(y, y_pred):
    return np.sqrt(mse(y, y_pred))


def mae(y, y_pred):
    return np.mean(np.abs(y - y_pred))


def r2_score(y, y_pred):
    ss_res = np.sum((y - y_pred) ** 2)
    ss_tot = np.sum((y - np.mean(y)) ** 2)
    return 1 - ss_res / ss_tot
