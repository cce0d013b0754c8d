"""The VOC devkit's form: sentinels at both ends, the envelope by a backwards loop, the sum over the points where
recall changes."""
import numpy as np


def precision_recall(conf, is_tp, n_pos):
    order = np.argsort(-conf)
    tp = is_tp[order].astype(np.float64)
    fp = 1.0 - tp
    tp = np.cumsum(tp)
    fp = np.cumsum(fp)
    rec = tp / float(n_pos)
    prec = tp / np.maximum(tp + fp, np.finfo(np.float64).eps)
    return rec, prec


def average_precision(rec, prec):
    mrec = np.concatenate(([0.0], rec, [1.0]))
    mpre = np.concatenate(([0.0], prec, [0.0]))
    for i in range(mpre.size - 1, 0, -1):
        mpre[i - 1] = np.maximum(mpre[i - 1], mpre[i])
    i = np.where(mrec[1:] != mrec[:-1])[0]
    return np.sum((mrec[i + 1] - mrec[i]) * mpre[i + 1])
