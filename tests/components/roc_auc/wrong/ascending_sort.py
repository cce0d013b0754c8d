# expect: values
"""np.argsort(score): the threshold goes up from the lowest score, the curve runs backwards."""
import numpy as np


def roc_curve(y, score):
    order = np.argsort(score, kind="stable")
    y = y[order]
    score = score[order]
    tps = np.cumsum(y)
    fps = np.cumsum(1 - y)
    last = np.r_[np.where(np.diff(score) != 0)[0], len(score) - 1]
    tpr = np.r_[0, tps[last]] / tps[-1]
    fpr = np.r_[0, fps[last]] / fps[-1]
    return fpr, tpr


def auc(fpr, tpr):
    return np.sum((fpr[1:] - fpr[:-1]) * (tpr[1:] + tpr[:-1]) / 2)


def roc_auc(y, score):
    fpr, tpr = roc_curve(y, score)
    return auc(fpr, tpr)
