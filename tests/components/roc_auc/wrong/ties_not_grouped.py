# expect: shape
"""Every sample is a point, also inside a run of tied scores: the area depends on the order of the ties."""
import numpy as np


def roc_curve(y, score):
    order = np.argsort(-score, kind="stable")
    y = y[order]
    score = score[order]
    tps = np.cumsum(y)
    fps = np.cumsum(1 - y)
    last = np.arange(len(score))
    tpr = np.r_[0, tps[last]] / tps[-1]
    fpr = np.r_[0, fps[last]] / fps[-1]
    return fpr, tpr


def auc(fpr, tpr):
    return np.sum((fpr[1:] - fpr[:-1]) * (tpr[1:] + tpr[:-1]) / 2)


def roc_auc(y, score):
    fpr, tpr = roc_curve(y, score)
    return auc(fpr, tpr)
