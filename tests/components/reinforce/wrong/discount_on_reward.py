# expect: values
"""gamma multiplies the current reward instead of the future return: G = gamma * r + G."""
import numpy as np


def discounted_returns(rewards, gamma):
    G, out = 0.0, np.zeros(len(rewards))
    for t in reversed(range(len(rewards))):
        G = gamma * rewards[t] + G
        out[t] = G
    return out


def reinforce_loss(probs_taken, returns, baseline=None):
    if baseline is not None:
        returns = returns - baseline
    return np.sum(-np.log(probs_taken) * returns)

