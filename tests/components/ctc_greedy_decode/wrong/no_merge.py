# expect: type
"""Only the blanks are removed: repeated frames stay repeated."""
import numpy as np


def ctc_collapse(path, blank_id=0):
    path = np.asarray(path)
    return path[path != blank_id]


def ctc_greedy_decode(probs, blank_id=0):
    return ctc_collapse(np.argmax(probs, axis=1), blank_id)
