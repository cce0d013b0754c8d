"""Norms and the variance: MSE = ||e||² / N, MAE = ||e||₁ / N, R² = 1 − MSE / Var(y)."""
import numpy as np


def mse(y, y_pred):
    e = y - y_pred
    return np.dot(e, e) / e.size


def rmse(y, y_pred):
    return np.linalg.norm(y - y_pred) / np.sqrt(y.size)


def mae(y, y_pred):
    return np.linalg.norm(y - y_pred, ord=1) / y.size


def r2_score(y, y_pred):
    return 1.0 - mse(y, y_pred) / np.var(y)
