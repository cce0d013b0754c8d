"""A comprehension over the classes and the mean written as sum / count."""
from reference.ranking_metrics import average_precision, precision_recall


def mean_average_precision(confs, is_tps, n_pos):
    aps = [average_precision(*precision_recall(c, t, n)) for c, t, n in zip(confs, is_tps, n_pos)]
    return sum(aps) / len(aps)
