# expect: values
"""R² = SS_res / SS_tot: the fraction of the variance NOT explained."""
import numpy as np


def mse(y, y_pred):
    return np.mean((y - y_pred) ** 2)


def rmse(y, y_pred):
    return np.sqrt(mse(y, y_pred))


def mae(y, y_pred):
    return np.mean(np.abs(y - y_pred))


def r2_score(y, y_pred):
    ss_res = np.sum((y - y_pred) ** 2)
    ss_tot = np.sum((y - np.mean(y)) ** 2)
    return ss_res / ss_tot
