"""A loop over the distinct scores as thresholds (score >= t predicted positive); np.trapezoid for the area;
roc_auc as the Mann-Whitney statistic (pairs, ties 1/2)."""
import numpy as np


def roc_curve(y, score):
    P = np.sum(y == 1)
    N = np.sum(y == 0)
    fpr, tpr = [0.0], [0.0]
    for t in np.unique(score)[::-1]:
        pred = score >= t
        tpr.append(np.sum(pred & (y == 1)) / P)
        fpr.append(np.sum(pred & (y == 0)) / N)
    return np.array(fpr), np.array(tpr)


def auc(fpr, tpr):
    return np.trapezoid(tpr, fpr)


def roc_auc(y, score):
    pos = score[y == 1]
    neg = score[y == 0]
    greater = (pos[:, None] > neg[None, :]).sum()
    ties = (pos[:, None] == neg[None, :]).sum()
    return (greater + 0.5 * ties) / (len(pos) * len(neg))
