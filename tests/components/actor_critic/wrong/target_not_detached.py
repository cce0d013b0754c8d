# expect: mistake
"""The TD target not detached: the critic's loss sends a gradient through gamma * v_next into the next state's value."""
import numpy as np


class ActorCriticLoss:
    def __init__(self, gamma=0.98, beta=0.0):
        self.gamma = gamma
        self.beta = beta

    def forward(self, v, v_next, reward, done, probs, action):
        B = len(v)
        target = reward + self.gamma * v_next * (1 - done)
        delta = target - v
        prob_a = probs[np.arange(B), action]
        entropy = -np.sum(probs * np.log(probs), axis=1)
        loss_pi = np.sum(-np.log(prob_a) * delta - self.beta * entropy) / B
        loss_v = np.sum((v - target) ** 2) / B
        self.cache = (v, v_next, done, probs, action, target, delta, prob_a)
        return loss_pi, loss_v

    def backward(self, dloss_pi=1, dloss_v=1):
        v, v_next, done, probs, action, target, delta, prob_a = self.cache
        B = len(v)
        dv = dloss_v * 2 * (v - target) / B
        dv_next = -dloss_v * 2 * (v - target) * self.gamma * (1 - done) / B
        dprobs = dloss_pi * self.beta * (np.log(probs) + 1) / B
        dprobs[np.arange(B), action] += dloss_pi * (-delta / prob_a) / B
        return dv, dv_next, dprobs
