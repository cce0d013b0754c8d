# expect: mistake
"""Returns accumulated forwards: G = r + gamma * G from the first step, the discount runs the wrong way."""
import numpy as np


def discounted_returns(rewards, gamma):
    G, out = 0.0, np.zeros(len(rewards))
    for t in range(len(rewards)):
        G = rewards[t] + gamma * G
        out[t] = G
    return out


def reinforce_loss(probs_taken, returns, baseline=None):
    if baseline is not None:
        returns = returns - baseline
    return np.sum(-np.log(probs_taken) * returns)

