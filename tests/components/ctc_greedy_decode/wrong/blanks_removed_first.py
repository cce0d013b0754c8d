# expect: type
"""The blanks removed before merging: a _ a collapses to a single a."""
import numpy as np


def ctc_collapse(path, blank_id=0):
    path = np.asarray(path)
    kept = path[path != blank_id]
    if kept.size == 0:
        return kept
    return kept[np.concatenate([[True], kept[1:] != kept[:-1]])]


def ctc_greedy_decode(probs, blank_id=0):
    return ctc_collapse(np.argmax(probs, axis=1), blank_id)
