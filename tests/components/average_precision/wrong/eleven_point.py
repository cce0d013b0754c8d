# expect: convention
"""VOC 2007's 11-point AP where the drill asks the all-point AP."""
import numpy as np


def precision_recall(conf, is_tp, n_pos):
    order = np.argsort(-conf, kind="stable")
    tp = is_tp[order]
    tp_cum = np.cumsum(tp)
    fp_cum = np.cumsum(~tp)
    rec = tp_cum / n_pos
    prec = tp_cum / (tp_cum + fp_cum)
    return rec, prec


def average_precision(rec, prec):
    ap = 0.0
    for t in np.arange(0.0, 1.1, 0.1):
        p = np.max(prec[rec >= t]) if np.sum(rec >= t) > 0 else 0.0
        ap += p / 11.0
    return ap
