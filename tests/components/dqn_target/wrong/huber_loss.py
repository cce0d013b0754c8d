# expect: convention
"""The Huber (smooth L1) loss, a legitimate choice; the drill follows the book's mean squared error."""
import numpy as np


def dqn_target(reward, done, next_qs_online, next_qs_target, gamma):
    return reward + (1 - done) * gamma * next_qs_target.max(axis=1)


def ddqn_target(reward, done, next_qs_online, next_qs_target, gamma):
    a = next_qs_online.argmax(axis=1)
    return reward + (1 - done) * gamma * next_qs_target[np.arange(len(a)), a]


def dqn_loss(qs, action, td_target):
    d = np.abs(qs[np.arange(len(action)), action] - td_target)
    return np.mean(np.where(d <= 1, 0.5 * d * d, d - 0.5))

