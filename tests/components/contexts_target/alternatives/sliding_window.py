"""contexts and target from sliding_window_view: the middle column is the target, the others the contexts."""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def create_contexts_target(corpus, window_size=1):
    windows = sliding_window_view(corpus, 2 * window_size + 1)
    target = windows[:, window_size].copy()
    contexts = np.delete(windows, window_size, axis=1)
    return contexts, target
