# expect: type
"""The blank hard-coded as 0, ignoring the blank argument."""
import numpy as np


def ctc_collapse(path, blank_id=0):
    path = np.asarray(path)
    merged = path[np.concatenate([[True], path[1:] != path[:-1]])]
    return merged[merged != 0]


def ctc_greedy_decode(probs, blank_id=0):
    return ctc_collapse(np.argmax(probs, axis=1), blank_id)
