"""Plain loops: counts kept while walking the ranked detections; the envelope as a max over the later points."""
import numpy as np


def precision_recall(conf, is_tp, n_pos):
    rec, prec = [], []
    tp = fp = 0
    for k in sorted(range(len(conf)), key=lambda j: -conf[j]):
        if is_tp[k]:
            tp += 1
        else:
            fp += 1
        rec.append(tp / n_pos)
        prec.append(tp / (tp + fp))
    return np.array(rec), np.array(prec)


def average_precision(rec, prec):
    ap = 0.0
    previous = 0.0
    for k in range(len(rec)):
        ap += (rec[k] - previous) * max(prec[k:])
        previous = rec[k]
    return ap
