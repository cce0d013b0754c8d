# expect: values
"""R² as the squared Pearson correlation: blind to a bias or a wrong scale of the predictions."""
import numpy as np


def mse(y, y_pred):
    return np.mean((y - y_pred) ** 2)


def rmse(y, y_pred):
    return np.sqrt(mse(y, y_pred))


def mae(y, y_pred):
    return np.mean(np.abs(y - y_pred))


def r2_score(y, y_pred):
    return np.corrcoef(y, y_pred)[0, 1] ** 2
