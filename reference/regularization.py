"""Regularisation: L2 weight decay and the L1 penalty, inverted dropout and DropConnect.

The L2 term is ゼロから作るDeep Learning ① chapter 6's MultiLayerNet: 0.5 * λ * Σ W² added to the loss for every
weight matrix (not the biases), and λ * W added to each weight's gradient. InvertedDropout is ❷'s TimeDropout
scaling (1 / (1 - ratio) in training, identity at inference) with the book Dropout's forward(x, train_flg).
"""
import numpy as np


def weight_decay_loss(params, weight_decay_lambda):
    """The L2 penalty ½λ Σ_l Σ W_l² over the weights W1, W2, ... of params.

    params: dict with 'W1', 'b1', 'W2', 'b2', ... (biases are not decayed). Returns a scalar.
    """
    weight_decay = 0
    for idx in range(1, len(params) // 2 + 1):
        W = params['W' + str(idx)]
        weight_decay += 0.5 * weight_decay_lambda * np.sum(W ** 2)
    return weight_decay


def weight_decay_grad(dW, W, weight_decay_lambda):
    """The gradient of loss + ½λΣW² with respect to W, given the loss's own gradient dW. dW, W: the same shape."""
    return dW + weight_decay_lambda * W


def l1_penalty(params, lam):
    """The L1 penalty λ * Σ_l Σ |W_l| over the weights W1, W2, ... of params (not the biases)."""
    penalty = 0
    for idx in range(1, len(params) // 2 + 1):
        W = params['W' + str(idx)]
        penalty += lam * np.sum(np.abs(W))
    return penalty


def l1_grad(dW, W, lam):
    """A subgradient of loss + λ Σ |W| with respect to W (0 at W = 0), given dW. dW, W: the same shape."""
    return dW + lam * np.sign(W)


class InvertedDropout:
    """Inverted dropout: training keeps each unit with probability 1 - dropout_ratio and scales the kept ones by
    1 / (1 - dropout_ratio), so inference returns x unchanged."""

    def __init__(self, dropout_ratio=0.5):
        self.dropout_ratio = dropout_ratio
        self.mask = None

    def forward(self, x, train_flg=True):
        """x: any shape."""
        if train_flg:
            flg = np.random.rand(*x.shape) > self.dropout_ratio
            scale = 1 / (1.0 - self.dropout_ratio)
            self.mask = flg.astype(x.dtype) * scale
            return x * self.mask
        else:
            return x

    def backward(self, dout):
        return dout * self.mask


class DropConnectAffine:
    """Affine layer with DropConnect (Wan et al., ICML 2013): a random 0/1 mask on the weights, not on the
    activations. W: (D, H), b: (H,); the mask (D, H) is drawn by the caller and passed to forward."""

    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.mask = None
        self.dW = None
        self.db = None

    def forward(self, x, mask):
        """x: (N, D), mask: (D, H) of 0/1 (or bool). Returns (N, H) = x @ (W * mask) + b."""
        self.x = x
        self.mask = mask
        out = np.dot(x, self.W * mask) + self.b
        return out

    def backward(self, dout):
        """dout: (N, H). Only the kept connections receive a gradient."""
        dx = np.dot(dout, (self.W * self.mask).T)
        self.dW = np.dot(self.x.T, dout) * self.mask
        self.db = np.sum(dout, axis=0)
        return dx
