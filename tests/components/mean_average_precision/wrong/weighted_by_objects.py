# expect: values
"""The APs weighted by the number of objects of each class (a micro-style average)."""
import numpy as np

from reference.ranking_metrics import average_precision, precision_recall


def mean_average_precision(confs, is_tps, n_pos):
    aps = [average_precision(*precision_recall(c, t, n)) for c, t, n in zip(confs, is_tps, n_pos)]
    return np.average(aps, weights=n_pos)
