"""Python loops accumulating in float64."""
import math


def mse(y, y_pred):
    return sum((float(a) - float(b)) ** 2 for a, b in zip(y, y_pred)) / len(y)


def rmse(y, y_pred):
    return math.sqrt(mse(y, y_pred))


def mae(y, y_pred):
    return sum(abs(float(a) - float(b)) for a, b in zip(y, y_pred)) / len(y)


def r2_score(y, y_pred):
    mean = sum(float(a) for a in y) / len(y)
    ss_tot = sum((float(a) - mean) ** 2 for a in y)
    return 1 - mse(y, y_pred) * len(y) / ss_tot
