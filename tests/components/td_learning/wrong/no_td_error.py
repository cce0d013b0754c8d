# expect: values
"""The estimate is moved by alpha * target instead of alpha * (target - estimate): the TD error is missing."""
import numpy as np


def td0(V, s, r, s2, done, alpha, gamma):
    next_V = 0 if done else V[s2]
    V[s] += (r + gamma * next_V) * alpha


def sarsa_update(Q, s, a, r, s2, a2, done, alpha, gamma):
    next_q = 0 if done else Q[s2, a2]
    Q[s, a] += (r + gamma * next_q) * alpha


def q_update(Q, s, a, r, s2, done, alpha, gamma):
    next_q_max = 0 if done else np.max(Q[s2])
    Q[s, a] += (r + gamma * next_q_max) * alpha

