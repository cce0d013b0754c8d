"""Classic wrong answers of the basics drills (graph nodes, activations, encodings, regularisation, training loop),
for their problems' `mistakes:` entries. Wrong on purpose: never use one as a reference."""
import numpy as np

from reference.activations import GELU, LeakyRelu
from reference.graph_nodes import MulLayer, Repeat
from reference.regularization import DropConnectAffine
from reference.training import EarlyStopping


class MulLayerSwapped(MulLayer):
    """dx = dout * x and dy = dout * y: each input multiplied by itself instead of by the other one."""

    def backward(self, dout):
        return dout * self.x, dout * self.y


class RepeatNoSum(Repeat):
    """The gradient of one copy only: no sum over the branches."""

    def backward(self, dout):
        return dout[0:1]


class RepeatMean(Repeat):
    """The mean of the copies' gradients instead of their sum."""

    def backward(self, dout):
        return np.mean(dout, axis=0, keepdims=True)


def weight_decay_loss_no_half(params, weight_decay_lambda):
    """λ Σ W² without the ½."""
    return sum(weight_decay_lambda * np.sum(params['W' + str(i)] ** 2) for i in range(1, len(params) // 2 + 1))


def weight_decay_loss_with_biases(params, weight_decay_lambda):
    """½ λ Σ over every parameter, the biases too."""
    return sum(0.5 * weight_decay_lambda * np.sum(p ** 2) for p in params.values())


def weight_decay_grad_two_lambda(dW, W, weight_decay_lambda):
    """dW + 2λW: the gradient of λ Σ W², not of the ½ λ Σ W² the loss has."""
    return dW + 2 * weight_decay_lambda * W


def l1_grad_l2_form(dW, W, lam):
    """dW + λW: L2's gradient where L1's is λ sign(W)."""
    return dW + lam * W


def l1_penalty_with_biases(params, lam):
    """λ Σ |p| over every parameter, the biases too."""
    return sum(lam * np.sum(np.abs(p)) for p in params.values())


class LeakyReluZeroGradient(LeakyRelu):
    """ReLU's backward (0 on the negative side) under a Leaky ReLU forward."""

    def backward(self, dout):
        return np.where(self.mask, dout, 0 * dout)


class GELUNoProductRule(GELU):
    """Backward 0.5 (1 + t) only: the x · dΦ/dx term of the product rule is missing."""

    def backward(self, dout):
        return dout * 0.5 * (1 + self.t)


def softmax_temperature_times_T(x, T=1.0):
    """softmax(x · T): multiplied by the temperature instead of divided."""
    x = x * T
    x = x - np.max(x, axis=-1, keepdims=True)
    e = np.exp(x)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_temperature_ignored(x, T=1.0):
    """The plain softmax: T applied where normalisation cancels it (exp(x) / T)."""
    x = x - np.max(x, axis=-1, keepdims=True)
    e = np.exp(x)
    return e / np.sum(e, axis=-1, keepdims=True)


def logsumexp_max_not_added_back(x, axis=-1):
    """log Σ exp(x − m) without + m."""
    m = np.max(x, axis=axis, keepdims=True)
    return np.log(np.sum(np.exp(x - m), axis=axis))


def one_hot_all_rows(t, K):
    """one_hot[:, t] = 1: every row gets every column that occurs in t."""
    out = np.zeros((t.shape[0], K))
    out[:, t] = 1
    return out


def ordinal_decode_argmax(p):
    """The argmax of the task probabilities, as if they were one-hot class scores."""
    return np.argmax(p, axis=1)


def two_layer_predict_no_activation(x, params):
    """No hidden activation: two linear layers and the softmax."""
    a2 = np.dot(np.dot(x, params['W1']) + params['b1'], params['W2']) + params['b2']
    e = np.exp(a2 - np.max(a2, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def sample_batch_separate_draws(x_train, t_train, batch_size, rng):
    """Indices drawn twice, once for the inputs and once for the labels: the pairs are broken."""
    train_size = x_train.shape[0]
    x_batch = x_train[rng.choice(train_size, batch_size)]
    t_batch = t_train[rng.choice(train_size, batch_size)]
    return x_batch, t_batch


def gradient_check_no_abs(grad_backprop, grad_numerical):
    """The mean of the signed differences: positive and negative errors cancel."""
    return {k: np.average(grad_backprop[k] - grad_numerical[k]) for k in grad_numerical}


def gradient_check_sum(grad_backprop, grad_numerical):
    """The sum of the absolute differences instead of their mean."""
    return {k: np.sum(np.abs(grad_backprop[k] - grad_numerical[k])) for k in grad_numerical}


class DropConnectUnmaskedDW(DropConnectAffine):
    """dW = x.T @ dout without the mask: the dropped connections get a gradient."""

    def backward(self, dout):
        dx = super().backward(dout)
        self.dW = np.dot(self.x.T, dout)
        return dx


class EarlyStoppingLate(EarlyStopping):
    """wait > patience: stops one epoch late."""

    def step(self, val_loss):
        super().step(val_loss)
        return self.wait > self.patience


class EarlyStoppingNoReset(EarlyStopping):
    """The wait is never reset by an improvement."""

    def step(self, val_loss):
        if val_loss < self.best:
            self.best = val_loss
        else:
            self.wait += 1
        return self.wait >= self.patience
