"""A loop over the rows."""
import numpy as np


def pseudo_label(probs, tau):
    mask = np.zeros(len(probs), dtype=bool)
    labels = []
    for i, row in enumerate(probs):
        if row.max() >= tau:
            mask[i] = True
            labels.append(int(np.argmax(row)))
    return mask, np.array(labels, dtype=np.int64)
