# expect: values
"""np.trapezoid(fpr, tpr): x and y exchanged, the area between the curve and the TPR axis."""
import numpy as np


def roc_curve(y, score):
    order = np.argsort(-score, kind="stable")
    y = y[order]
    score = score[order]
    tps = np.cumsum(y)
    fps = np.cumsum(1 - y)
    last = np.r_[np.where(np.diff(score) != 0)[0], len(score) - 1]
    tpr = np.r_[0, tps[last]] / tps[-1]
    fpr = np.r_[0, fps[last]] / fps[-1]
    return fpr, tpr


def auc(fpr, tpr):
    return np.trapezoid(fpr, tpr)


def roc_auc(y, score):
    fpr, tpr = roc_curve(y, score)
    return auc(fpr, tpr)
