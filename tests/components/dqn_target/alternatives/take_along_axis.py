"""np.take_along_axis, np.where for done, np.mean for the loss."""
import numpy as np


def dqn_target(reward, done, next_qs_online, next_qs_target, gamma):
    return np.where(done == 1, reward, reward + gamma * np.max(next_qs_target, axis=1))


def ddqn_target(reward, done, next_qs_online, next_qs_target, gamma):
    a_star = np.argmax(next_qs_online, axis=1)[:, None]
    q = np.take_along_axis(next_qs_target, a_star, axis=1)[:, 0]
    return reward + gamma * (1.0 - done) * q


def dqn_loss(qs, action, td_target):
    q = np.take_along_axis(qs, action[:, None], axis=1).ravel()
    return np.mean(np.square(q - td_target))
