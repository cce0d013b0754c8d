"""Per-transition loops, float64 accumulation."""
import math

import numpy as np


class ActorCriticLoss:
    def __init__(self, gamma=0.98, beta=0.0):
        self.gamma = gamma
        self.beta = beta

    def forward(self, v, v_next, reward, done, probs, action):
        B = len(v)
        self.saved = (v, v_next, reward, done, probs, action)
        lp, lv = 0.0, 0.0
        for i in range(B):
            target = reward[i] if done[i] else reward[i] + self.gamma * v_next[i]
            delta = target - v[i]
            ent = -sum(p * math.log(p) for p in probs[i])
            lp += -math.log(probs[i, action[i]]) * delta - self.beta * ent
            lv += (v[i] - target) ** 2
        return lp / B, lv / B

    def backward(self, dloss_pi=1, dloss_v=1):
        v, v_next, reward, done, probs, action = self.saved
        B = len(v)
        dv, dprobs = np.zeros(B), np.zeros(probs.shape)
        for i in range(B):
            target = reward[i] if done[i] else reward[i] + self.gamma * v_next[i]
            dv[i] = dloss_v * 2 * (v[i] - target) / B
            for k in range(probs.shape[1]):
                dprobs[i, k] = dloss_pi * self.beta * (math.log(probs[i, k]) + 1) / B
            dprobs[i, action[i]] -= dloss_pi * (target - v[i]) / probs[i, action[i]] / B
        return dv, np.zeros(B), dprobs
