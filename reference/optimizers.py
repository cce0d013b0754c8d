"""Optimizers, as in ゼロから作るDeep Learning, chapter 6.

Each has update(params, grads): params and grads are dicts of arrays with the same
keys; the arrays in params are updated in place, grads are only read. State
(velocities, moments, step count) lives on the optimizer, one entry per key,
created on the first call.
"""
import numpy as np


class SGD:
    """Stochastic gradient descent: each parameter takes a step of lr against its gradient."""

    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for key in params.keys():
            params[key] -= self.lr * grads[key]


class Momentum:
    """Momentum SGD: a velocity v per parameter, decayed by `momentum` and pushed
    by the gradient (times lr) at every step; the parameter moves by v.

    (PyTorch's SGD(momentum=...) keeps b = v / -lr instead; with a constant lr the
    parameters follow the same path.)
    """

    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.v = None

    def update(self, params, grads):
        if self.v is None:
            self.v = {}
            for key, val in params.items():
                self.v[key] = np.zeros_like(val)

        for key in params.keys():
            self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]
            params[key] += self.v[key]


class Nesterov:
    """Nesterov's accelerated gradient (NAG), in the form of Bengio et al. (2012)
    used by CS231n and PyTorch's SGD(nesterov=True): the velocity is updated as in
    Momentum, and the parameter moves by the new velocity plus a look-ahead of
    `momentum` times the change of the velocity.

    The printed book's Nesterov applies momentum**2 to the *updated* v, which is
    not NAG; this follows the paper.
    """

    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.v = None

    def update(self, params, grads):
        if self.v is None:
            self.v = {}
            for key, val in params.items():
                self.v[key] = np.zeros_like(val)

        for key in params.keys():
            v_prev = self.v[key]
            self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]
            params[key] += -self.momentum * v_prev + (1 + self.momentum) * self.v[key]


class AdaGrad:
    """AdaGrad: h accumulates the squared gradients; each element's step is lr times
    its gradient divided by the square root of its h (plus 1e-7 against 0 / 0)."""

    def __init__(self, lr=0.01):
        self.lr = lr
        self.h = None

    def update(self, params, grads):
        if self.h is None:
            self.h = {}
            for key, val in params.items():
                self.h[key] = np.zeros_like(val)

        for key in params.keys():
            self.h[key] = self.h[key] + grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)


class RMSprop:
    """RMSprop: AdaGrad with h an exponential moving average (weight decay_rate) of
    the squared gradients instead of their sum, so old gradients are forgotten.

    The epsilon is added to sqrt(h), as in the book and in PyTorch (whose default
    epsilon is 1e-8 rather than 1e-7).
    """

    def __init__(self, lr=0.01, decay_rate=0.99):
        self.lr = lr
        self.decay_rate = decay_rate
        self.h = None

    def update(self, params, grads):
        if self.h is None:
            self.h = {}
            for key, val in params.items():
                self.h[key] = np.zeros_like(val)

        for key in params.keys():
            self.h[key] = self.decay_rate * self.h[key] + (1 - self.decay_rate) * grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)


class Adam:
    """Adam (Kingma & Ba 2015), Algorithm 1 of the paper: moving averages of the
    gradient (first moment m, weight beta1) and of its square (second moment v,
    weight beta2), both bias-corrected for step t; the step is lr times corrected m
    over the square root of corrected v.

    Epsilon placement: 1e-8 is added to the square root of the bias-corrected second
    moment, as in the paper and PyTorch. The book folds both corrections into the
    learning rate and adds 1e-7 to the square root of the uncorrected v; that
    differs only in where the tiny epsilon acts.
    """

    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.iter = 0
        self.m = None
        self.v = None

    def update(self, params, grads):
        if self.m is None:
            self.m, self.v = {}, {}
            for key, val in params.items():
                self.m[key] = np.zeros_like(val)
                self.v[key] = np.zeros_like(val)

        self.iter += 1
        for key in params.keys():
            self.m[key] = self.beta1 * self.m[key] + (1 - self.beta1) * grads[key]
            self.v[key] = self.beta2 * self.v[key] + (1 - self.beta2) * grads[key] ** 2
            m_hat = self.m[key] / (1 - self.beta1 ** self.iter)
            v_hat = self.v[key] / (1 - self.beta2 ** self.iter)
            params[key] -= self.lr * m_hat / (np.sqrt(v_hat) + 1e-8)
