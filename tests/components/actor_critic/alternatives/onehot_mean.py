"""One-hot selection, np.mean, the entropy gradient as -beta * dH with dH = -(log p + 1)."""
import numpy as np


class ActorCriticLoss:
    def __init__(self, gamma=0.98, beta=0.0):
        self.gamma, self.beta = gamma, beta

    def forward(self, v, v_next, reward, done, probs, action):
        onehot = np.eye(probs.shape[1])[action]
        self.target = reward + (1 - done) * self.gamma * v_next
        self.delta = self.target - v
        self.v, self.probs, self.onehot = v, probs, onehot
        log_pa = np.log(np.sum(probs * onehot, axis=1))
        H = -(probs * np.log(probs)).sum(axis=1)
        return np.mean(-log_pa * self.delta - self.beta * H), np.mean((v - self.target) ** 2)

    def backward(self, dloss_pi=1, dloss_v=1):
        B = len(self.v)
        dv = dloss_v * 2.0 * (self.v - self.target) / B
        p_a = np.sum(self.probs * self.onehot, axis=1, keepdims=True)
        dH = -(np.log(self.probs) + 1.0)
        dprobs = dloss_pi * (-self.onehot * self.delta[:, None] / p_a - self.beta * dH) / B
        return dv, np.zeros(B), dprobs
