"""Connectionist temporal classification (Graves et al., ICML 2006): greedy decoding and the forward (α) loss.

Outputs are per frame: probs or log_probs (T, K) over K symbols, the blank being symbol `blank_id` (0). A label
sequence l has no blanks; the extended sequence l' puts a blank before, between and after its symbols
(length 2L + 1).
"""
import numpy as np


def ctc_collapse(path, blank_id=0):
    """The CTC map B: merge repeated symbols, then drop the blanks (in that order).

    path: (T,) int symbols. Returns the label sequence as a list of ints (a a _ a b b _ -> a a b).
    """
    path = np.asarray(path)
    merged = path[np.concatenate([[True], path[1:] != path[:-1]])]
    return [int(s) for s in merged if s != blank_id]


def ctc_greedy_decode(probs, blank_id=0):
    """Best-path decoding: the most probable symbol of every frame, collapsed. probs: (T, K)."""
    path = np.argmax(probs, axis=1)
    return ctc_collapse(path, blank_id)


def ctc_loss(log_probs, labels, blank_id=0):
    """-log p(labels | x) by the forward algorithm in log space.

    log_probs: (T, K) log-softmax outputs; labels: (L,) int, L >= 1, no blanks.
    alpha[t, s] = log of the total probability of the paths through l'[0..s] ending in l'[s] at frame t.
    A path may stay on s, move from s - 1, or skip from s - 2 when l'[s] is not blank and differs from l'[s - 2].
    The loss sums the two ways to end: on the last symbol or on the final blank.
    """
    T = log_probs.shape[0]
    ext = [blank_id]
    for l in labels:
        ext += [l, blank_id]
    S = len(ext)
    alpha = np.full((T, S), -np.inf)
    alpha[0, 0] = log_probs[0, ext[0]]
    alpha[0, 1] = log_probs[0, ext[1]]
    for t in range(1, T):
        for s in range(S):
            a = alpha[t - 1, s]
            if s >= 1:
                a = np.logaddexp(a, alpha[t - 1, s - 1])
            if s >= 2 and ext[s] != blank_id and ext[s] != ext[s - 2]:
                a = np.logaddexp(a, alpha[t - 1, s - 2])
            alpha[t, s] = a + log_probs[t, ext[s]]
    return -np.logaddexp(alpha[T - 1, S - 1], alpha[T - 1, S - 2])
