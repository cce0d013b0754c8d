"""Sorted ascending then reversed, np.diff and np.append; the trapezoid written with np.diff."""
import numpy as np


def roc_curve(y, score):
    idx = np.argsort(score)[::-1]
    s = score[idx]
    yy = y[idx].astype(np.float64)
    tp = np.cumsum(yy)
    fp = np.cumsum(1.0 - yy)
    ends = np.append(np.nonzero(s[1:] != s[:-1])[0], s.size - 1)
    tpr = np.append(0.0, tp[ends] / yy.sum())
    fpr = np.append(0.0, fp[ends] / (1.0 - yy).sum())
    return fpr, tpr


def auc(fpr, tpr):
    return float(np.sum(np.diff(fpr) * (tpr[:-1] + tpr[1:])) / 2)


def roc_auc(y, score):
    return auc(*roc_curve(y, score))
