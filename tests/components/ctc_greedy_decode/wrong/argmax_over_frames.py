# expect: type
"""argmax along axis 0: the most probable frame of every symbol instead of the most probable symbol of every frame."""
import numpy as np


def ctc_collapse(path, blank_id=0):
    path = np.asarray(path)
    merged = path[np.concatenate([[True], path[1:] != path[:-1]])]
    return merged[merged != blank_id]


def ctc_greedy_decode(probs, blank_id=0):
    return ctc_collapse(np.argmax(probs, axis=0), blank_id)
