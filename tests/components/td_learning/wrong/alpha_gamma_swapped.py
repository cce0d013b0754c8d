# expect: values
"""Learning rate and discount factor exchanged: alpha discounts and gamma steps."""
import numpy as np


def td0(V, s, r, s2, done, alpha, gamma):
    next_V = 0 if done else V[s2]
    V[s] += (r + alpha * next_V - V[s]) * gamma


def sarsa_update(Q, s, a, r, s2, a2, done, alpha, gamma):
    next_q = 0 if done else Q[s2, a2]
    Q[s, a] += (r + alpha * next_q - Q[s, a]) * gamma


def q_update(Q, s, a, r, s2, done, alpha, gamma):
    next_q_max = 0 if done else np.max(Q[s2])
    Q[s, a] += (r + alpha * next_q_max - Q[s, a]) * gamma

