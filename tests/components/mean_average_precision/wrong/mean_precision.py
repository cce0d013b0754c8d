# expect: values
"""The mean of each class's precisions instead of its AP."""
import numpy as np

from reference.ranking_metrics import precision_recall


def mean_average_precision(confs, is_tps, n_pos):
    return np.mean([np.mean(precision_recall(c, t, n)[1]) for c, t, n in zip(confs, is_tps, n_pos)])
