"""itertools.groupby for the runs, then a filter; argmax along the last axis."""
from itertools import groupby
import numpy as np


def ctc_collapse(path, blank_id=0):
    return np.array([k for k, _ in groupby(path) if k != blank_id], dtype=np.int64)


def ctc_greedy_decode(probs, blank_id=0):
    return ctc_collapse(probs.argmax(axis=-1), blank_id)
