"""Terminal handling as a factor (1 - done), the DQN form; max as a method."""
import numpy as np


def td0(V, s, r, s2, done, alpha, gamma):
    V[s] += alpha * (r + gamma * (1 - done) * V[s2] - V[s])


def sarsa_update(Q, s, a, r, s2, a2, done, alpha, gamma):
    Q[s, a] += alpha * (r + (1 - done) * gamma * Q[s2, a2] - Q[s, a])


def q_update(Q, s, a, r, s2, done, alpha, gamma):
    Q[s, a] += alpha * (r + (1 - done) * gamma * Q[s2].max() - Q[s, a])
