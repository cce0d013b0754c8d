# expect: mistake
"""SARSA with the max over the next actions: that is Q-learning, not the on-policy SARSA target Q(s2, a2)."""
import numpy as np


def td0(V, s, r, s2, done, alpha, gamma):
    next_V = 0 if done else V[s2]
    V[s] += (r + gamma * next_V - V[s]) * alpha


def sarsa_update(Q, s, a, r, s2, a2, done, alpha, gamma):
    next_q = 0 if done else np.max(Q[s2])
    Q[s, a] += (r + gamma * next_q - Q[s, a]) * alpha


def q_update(Q, s, a, r, s2, done, alpha, gamma):
    next_q_max = 0 if done else np.max(Q[s2])
    Q[s, a] += (r + gamma * next_q_max - Q[s, a]) * alpha

