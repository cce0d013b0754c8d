"""Plain loops over the batch; done as a condition."""
import numpy as np


def dqn_target(reward, done, next_qs_online, next_qs_target, gamma):
    out = np.empty(len(reward))
    for i in range(len(reward)):
        out[i] = reward[i] if done[i] else reward[i] + gamma * max(next_qs_target[i])
    return out


def ddqn_target(reward, done, next_qs_online, next_qs_target, gamma):
    out = np.empty(len(reward))
    for i in range(len(reward)):
        a_star = int(np.argmax(next_qs_online[i]))
        out[i] = reward[i] + (0.0 if done[i] else gamma * next_qs_target[i, a_star])
    return out


def dqn_loss(qs, action, td_target):
    total = 0.0
    for i in range(len(action)):
        total += (qs[i, action[i]] - td_target[i]) ** 2
    return total / len(action)
