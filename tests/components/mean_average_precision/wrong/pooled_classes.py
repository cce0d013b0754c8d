# expect: values
"""Every class's detections pooled into one ranking and one AP (not a mean over classes)."""
import numpy as np

from reference.ranking_metrics import average_precision, precision_recall


def mean_average_precision(confs, is_tps, n_pos):
    rec, prec = precision_recall(np.concatenate(confs), np.concatenate(is_tps), sum(n_pos))
    return average_precision(rec, prec)
