# expect: type
"""Runs merged but the blanks kept."""
import numpy as np


def ctc_collapse(path, blank_id=0):
    path = np.asarray(path)
    return path[np.concatenate([[True], path[1:] != path[:-1]])]


def ctc_greedy_decode(probs, blank_id=0):
    return ctc_collapse(np.argmax(probs, axis=1), blank_id)
