# expect: values
"""No 0 before the first recall: the first segment (from recall 0 to the first TP) is lost."""
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
    mpre = np.maximum.accumulate(prec[::-1])[::-1]
    return np.sum((rec[1:] - rec[:-1]) * mpre[1:])
