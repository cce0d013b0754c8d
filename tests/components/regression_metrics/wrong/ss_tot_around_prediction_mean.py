# expect: values
"""SS_tot around the mean of the predictions instead of the targets'."""
import numpy as np


def mse(y, y_pred):
    return np.mean((y - y_pred) ** 2)


def rmse(y, y_pred):
    return np.sqrt(mse(y, y_pred))


def mae(y, y_pred):
    return np.mean(np.abs(y - y_pred))


def r2_score(y, y_pred):
    ss_res = np.sum((y - y_pred) ** 2)
    ss_tot = np.sum((y - np.mean(y_pred)) ** 2)
    return 1 - ss_res / ss_tot
