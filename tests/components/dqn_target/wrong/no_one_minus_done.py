# expect: mistake
"""The (1 - done) factor is missing in the DQN target: terminal transitions still bootstrap from the next state."""
import numpy as np


def dqn_target(reward, done, next_qs_online, next_qs_target, gamma):
    return reward + gamma * next_qs_target.max(axis=1)


def ddqn_target(reward, done, next_qs_online, next_qs_target, gamma):
    a = next_qs_online.argmax(axis=1)
    return reward + (1 - done) * gamma * next_qs_target[np.arange(len(a)), a]


def dqn_loss(qs, action, td_target):
    q = qs[np.arange(len(action)), action]
    return np.mean((q - td_target) ** 2)
