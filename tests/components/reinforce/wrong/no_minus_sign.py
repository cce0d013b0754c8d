# expect: mistake
"""The loss without the minus sign: minimising it lowers the probability of rewarded actions."""
import numpy as np


def discounted_returns(rewards, gamma):
    G, out = 0.0, np.zeros(len(rewards))
    for t in reversed(range(len(rewards))):
        G = rewards[t] + gamma * G
        out[t] = G
    return out


def reinforce_loss(probs_taken, returns, baseline=None):
    if baseline is not None:
        returns = returns - baseline
    return np.sum(np.log(probs_taken) * returns)

