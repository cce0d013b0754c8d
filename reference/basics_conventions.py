"""The other legitimate conventions of the basics drills (activations, encodings, training loop), for their
problems' `conventions:` key: an answer following one of them is told which rule differs, not "wrong values"."""
import math

import numpy as np

from reference.activations import GELU, LeakyRelu

_erf = np.vectorize(math.erf, otypes=[np.float64])


class LeakyReluTFDefault(LeakyRelu):
    """Leaky ReLU with TensorFlow's default slope, tf.nn.leaky_relu(alpha=0.2)."""

    def __init__(self, alpha=0.2):
        super().__init__(alpha)


class GELUExact(GELU):
    """GELU without the approximation: x Φ(x) = 0.5 x (1 + erf(x / √2)) (PyTorch's F.gelu default)."""

    def forward(self, x):
        self.x = x
        return (0.5 * x * (1 + _erf(x / np.sqrt(2)))).astype(x.dtype)

    def backward(self, dout):
        x = self.x
        cdf = 0.5 * (1 + _erf(x / np.sqrt(2)))
        pdf = np.exp(-0.5 * x ** 2) / np.sqrt(2 * np.pi)
        return (dout * (cdf + x * pdf)).astype(dout.dtype)


def step_function_one_at_zero(x):
    """Step function with h(0) = 1 (x >= 0), as some texts define the Heaviside function."""
    return np.array(x >= 0, dtype=int)


def logsumexp_keepdims(x, axis=-1):
    """log Σ exp(x) keeping the reduced axis (size 1), as np.sum(..., keepdims=True)."""
    m = np.max(x, axis=axis, keepdims=True)
    return m + np.log(np.sum(np.exp(x - m), axis=axis, keepdims=True))


def ordinal_encode_k_columns(y, K):
    """Thermometer code with K columns, column k = 1 if y >= k (the first column always 1)."""
    return (y[:, np.newaxis] >= np.arange(K)).astype(np.float64)


def ordinal_decode_first_below(p):
    """Class = the index of the first probability not above 0.5 (counting stops at the first 'no')."""
    below = p <= 0.5
    return np.where(below.any(axis=1), below.argmax(axis=1), p.shape[1])


def sample_batch_without_replacement(x_train, t_train, batch_size, rng):
    """Mini-batch drawn without replacement: rng.choice(train_size, batch_size, replace=False)."""
    mask = rng.choice(x_train.shape[0], batch_size, replace=False)
    return x_train[mask], t_train[mask]


def sample_batch_permutation(x_train, t_train, batch_size, rng):
    """Mini-batch as the first batch_size indices of a permutation (❷'s shuffling per epoch)."""
    mask = rng.permutation(x_train.shape[0])[:batch_size]
    return x_train[mask], t_train[mask]


class EarlyStoppingEqualImproves:
    """Early stopping where a loss equal to the best counts as an improvement (val_loss <= best)."""

    def __init__(self, patience=5):
        self.patience = patience
        self.best = np.inf
        self.wait = 0

    def step(self, val_loss):
        if val_loss <= self.best:
            self.best = val_loss
            self.wait = 0
        else:
            self.wait += 1
        return self.wait >= self.patience
