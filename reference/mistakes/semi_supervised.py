"""Classic wrong answers of the semi-supervised and active-learning drills (reference/semi_supervised.py)."""
import numpy as np


def pseudo_label_unfiltered(probs, tau):
    """Every sample labelled, the threshold only in the mask."""
    mask = probs.max(axis=1) >= tau
    return mask, probs.argmax(axis=1)


def pseudo_label_axis0(probs, tau):
    """Confidence and class taken over the samples (axis 0)."""
    mask = probs.max(axis=0) >= tau
    return mask, probs.argmax(axis=0)[mask]


def select_queries_most_confident(probs, k, strategy='least_confident'):
    """The k samples the model is most sure about (the uncertainty sorted ascending)."""
    from reference.semi_supervised import select_queries
    return select_queries(probs, probs.shape[0], strategy)[::-1][:k]


def select_queries_largest_margin(probs, k, strategy='least_confident'):
    """Margin sampling that takes the largest gap between the two top probabilities (the most certain)."""
    from reference.semi_supervised import select_queries
    if strategy != 'margin':
        return select_queries(probs, k, strategy)
    p_sorted = np.sort(probs, axis=1)
    return np.argsort(-(p_sorted[:, -1] - p_sorted[:, -2]))[:k]
