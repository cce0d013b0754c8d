"""A loop remembering the previous symbol: emit a symbol when it differs from the previous one and is not blank."""
import numpy as np


def ctc_collapse(path, blank_id=0):
    out = []
    prev = None
    for s in path:
        if s != prev and s != blank_id:
            out.append(int(s))
        prev = s
    return out


def ctc_greedy_decode(probs, blank_id=0):
    return ctc_collapse([int(np.argmax(row)) for row in probs], blank_id)
