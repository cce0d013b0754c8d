"""The training loop's small parts: a two-layer net's prediction, mini-batch sampling, gradient checking and
early stopping.

two_layer_predict is ゼロから作るDeep Learning ① chapter 4's TwoLayerNet.predict, sample_batch its
train_neuralnet.py (np.random.choice, with a passed-in Generator), gradient_check ch05/gradient_check.py.
"""
import numpy as np

from reference.functions import sigmoid, softmax


def two_layer_predict(x, params):
    """x: (N, D); params: 'W1' (D, H), 'b1' (H,), 'W2' (H, K), 'b2' (K,). Returns (N, K) softmax probabilities."""
    W1, W2 = params['W1'], params['W2']
    b1, b2 = params['b1'], params['b2']
    a1 = np.dot(x, W1) + b1
    z1 = sigmoid(a1)
    a2 = np.dot(z1, W2) + b2
    y = softmax(a2)
    return y


def sample_batch(x_train, t_train, batch_size, rng):
    """A random mini-batch: batch_size indices drawn as the book does (np.random.choice: with replacement).

    x_train: (N, ...), t_train: (N, ...); rng: numpy Generator. Returns (x_batch, t_batch), rows matching.
    """
    train_size = x_train.shape[0]
    batch_mask = rng.choice(train_size, batch_size)
    x_batch = x_train[batch_mask]
    t_batch = t_train[batch_mask]
    return x_batch, t_batch


def gradient_check(grad_backprop, grad_numerical):
    """The book's gradient check: the mean absolute difference per parameter.

    grad_backprop, grad_numerical: dicts of arrays with the same keys. Returns {key: float}.
    """
    diffs = {}
    for key in grad_numerical.keys():
        diff = np.average(np.abs(grad_backprop[key] - grad_numerical[key]))
        diffs[key] = diff
    return diffs


def max_rel_error(a, b, eps=1e-8):
    """The largest relative error max |a - b| / max(|a| + |b|, eps) of two gradients (CS231n's check).

    a, b: arrays of the same shape. Returns a float; ~1e-7 or less means the gradients agree.
    """
    rel = np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), eps)
    return np.max(rel)


class EarlyStopping:
    """Stop when the validation loss has not improved for `patience` epochs in a row.

    An improvement is a loss strictly below the best so far (an equal loss counts as no improvement).
    """

    def __init__(self, patience=5):
        self.patience = patience
        self.best = np.inf
        self.wait = 0

    def step(self, val_loss):
        """Call once per epoch. Returns True when training should stop."""
        if val_loss < self.best:
            self.best = val_loss
            self.wait = 0
        else:
            self.wait += 1
        return self.wait >= self.patience
