"""An index loop filling an array of APs."""
import numpy as np

from reference.ranking_metrics import average_precision, precision_recall


def mean_average_precision(confs, is_tps, n_pos):
    aps = np.zeros(len(confs))
    for c in range(len(confs)):
        rec, prec = precision_recall(confs[c], is_tps[c], n_pos[c])
        aps[c] = average_precision(rec, prec)
    return aps.mean()
