# expect: mistake
"""TD(0) without the terminal case: V[s2] is bootstrapped after the episode has ended."""
import numpy as np


def td0(V, s, r, s2, done, alpha, gamma):
    V[s] += (r + gamma * V[s2] - V[s]) * alpha


def sarsa_update(Q, s, a, r, s2, a2, done, alpha, gamma):
    next_q = 0 if done else Q[s2, a2]
    Q[s, a] += (r + gamma * next_q - Q[s, a]) * alpha


def q_update(Q, s, a, r, s2, done, alpha, gamma):
    next_q_max = 0 if done else np.max(Q[s2])
    Q[s, a] += (r + gamma * next_q_max - Q[s, a]) * alpha

