# expect: values
"""Recall divided by the number of TP detections instead of all ground-truth objects (undetected objects ignored)."""
import numpy as np


def precision_recall(conf, is_tp, n_pos):
    order = np.argsort(-conf, kind="stable")
    tp = is_tp[order]
    tp_cum = np.cumsum(tp)
    fp_cum = np.cumsum(~tp)
    rec = tp_cum / tp_cum[-1]
    prec = tp_cum / (tp_cum + fp_cum)
    return rec, prec


def average_precision(rec, prec):
    mrec = np.concatenate(([0.0], rec))
    mpre = np.maximum.accumulate(prec[::-1])[::-1]
    return np.sum((mrec[1:] - mrec[:-1]) * mpre)
