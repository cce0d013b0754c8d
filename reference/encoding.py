"""Label encodings: one-hot vectors and the cumulative (ordinal) encoding of ordered classes."""
import numpy as np


def one_hot(t, K):
    """One-hot rows of integer labels.

    t: (N,) integer labels in [0, K). Returns (N, K) with a single 1 per row, at column t[n].
    """
    N = t.shape[0]
    one_hot = np.zeros((N, K), dtype=np.int32)
    one_hot[np.arange(N), t] = 1
    return one_hot


def ordinal_encode(y, K):
    """Ordinal regression targets (Niu et al., CVPR 2016): K ordered classes as K - 1 binary tasks.

    y: (N,) integer classes in [0, K). Returns (N, K - 1) floats, column k = 1 if y > k (k = 0 .. K - 2):
    class 0 -> [0, 0, ...], class K - 1 -> [1, 1, ...].
    """
    return (y[:, np.newaxis] > np.arange(K - 1)).astype(np.float64)


def ordinal_decode(p):
    """Predicted class from the K - 1 probabilities P(y > k): the number of them above 0.5.

    p: (N, K - 1). Returns (N,) integer classes.
    """
    return np.sum(p > 0.5, axis=1)
