"""Classic wrong answers of the learning-settings drills (reference/transfer.py, meta_learning.py,
metric_learning.py), for their `mistakes:` entries."""
import numpy as np

from reference.meta_learning import mse_grad
from reference.metric_learning import ContrastiveLoss, NTXentLoss, TripletLoss
from reference.transfer import FineTuneSGD


class FineTuneFrozenUpdated(FineTuneSGD):
    """The freeze ignored: frozen parameters are updated like the others."""
    def update(self, params, grads):
        for key in params.keys():
            lr = self.lr * self.backbone_scale if key in self.backbone else self.lr
            params[key] -= lr * grads[key]


class FineTuneBackboneFullLr(FineTuneSGD):
    """The backbone fine-tuned at the head's full learning rate."""
    def update(self, params, grads):
        for key in params.keys():
            if key not in self.frozen:
                params[key] -= self.lr * grads[key]


def maml_outer_grad_at_theta(theta, tasks, alpha, beta):
    """The query gradient taken at θ instead of the adapted θ_i."""
    meta_grad = np.zeros_like(theta)
    for X_s, y_s, X_q, y_q in tasks:
        H_s = 2 * X_s.T @ X_s / len(y_s)
        meta_grad += (np.eye(len(theta)) - alpha * H_s) @ mse_grad(theta, X_q, y_q)
    return theta - beta * meta_grad


def maml_inner_on_query(theta, tasks, alpha, beta):
    """The inner step on the query set instead of the support set."""
    meta_grad = np.zeros_like(theta)
    for X_s, y_s, X_q, y_q in tasks:
        theta_i = theta - alpha * mse_grad(theta, X_q, y_q)
        H_s = 2 * X_s.T @ X_s / len(y_s)
        meta_grad += (np.eye(len(theta)) - alpha * H_s) @ mse_grad(theta_i, X_q, y_q)
    return theta - beta * meta_grad


class ContrastiveHingeNotSquared(ContrastiveLoss):
    """The dissimilar term max(0, m − d) without its square."""
    def forward(self, x1, x2, y):
        diff = x1 - x2
        d = np.sqrt(np.sum(diff ** 2, axis=1))
        hinge = np.maximum(self.margin - d, 0)
        self.cache = (diff, d, hinge, y)
        return np.sum(y * d ** 2 + (1 - y) * hinge) / (2 * len(d))

    def backward(self, dout=1):
        diff, d, hinge, y = self.cache
        dd = (y * d - (1 - y) * 0.5) / len(d)
        dx1 = dout * (dd / d)[:, None] * diff
        return dx1, -dx1


class TripletNoHinge(TripletLoss):
    """No max(0, ·): every triplet keeps pushing, the loss unbounded below."""
    def forward(self, a, p, n):
        losses = np.sum((a - p) ** 2, axis=1) - np.sum((a - n) ** 2, axis=1) + self.margin
        self.cache = (a, p, n, np.ones(len(a), dtype=bool))
        return np.mean(losses)


class TripletInactiveGradient(TripletLoss):
    """The backward gives every triplet a gradient, also those already satisfying the margin."""
    def backward(self, dout=1):
        a, p, n, active = self.cache
        self.cache = (a, p, n, np.ones_like(active))
        return super().backward(dout)


class NTXentSelfNotMasked(NTXentLoss):
    """The diagonal left in: each sample's similarity to itself competes with its positive."""
    def forward(self, z1, z2):
        N = z1.shape[0]
        z = np.concatenate([z1, z2], axis=0)
        norm = np.sqrt(np.sum(z ** 2, axis=1, keepdims=True))
        z_n = z / norm
        sim = z_n @ z_n.T / self.tau
        pos = (np.arange(2 * N) + N) % (2 * N)
        sim = sim - np.max(sim, axis=1, keepdims=True)
        prob = np.exp(sim) / np.sum(np.exp(sim), axis=1, keepdims=True)
        self.cache = (z_n, norm, prob, pos)
        return -np.sum(np.log(prob[np.arange(2 * N), pos])) / (2 * N)


class NTXentNotNormalised(NTXentLoss):
    """Dot products instead of cosine similarities: the embeddings are not L2-normalised."""
    def forward(self, z1, z2):
        N = z1.shape[0]
        z = np.concatenate([z1, z2], axis=0)
        sim = z @ z.T / self.tau
        np.fill_diagonal(sim, -np.inf)
        pos = (np.arange(2 * N) + N) % (2 * N)
        sim = sim - np.max(sim, axis=1, keepdims=True)
        prob = np.exp(sim) / np.sum(np.exp(sim), axis=1, keepdims=True)
        self.cache = (z, None, prob, pos)
        return -np.sum(np.log(prob[np.arange(2 * N), pos])) / (2 * N)

    def backward(self, dout=1):
        z, _, prob, pos = self.cache
        M = len(pos)
        dsim = prob.copy()
        dsim[np.arange(M), pos] -= 1
        dsim = dout * dsim / M
        dz = (dsim + dsim.T) @ z / self.tau
        return dz[:M // 2], dz[M // 2:]
