"""The book's loop: G and the loss accumulated together, the returns built reversed then flipped."""
import numpy as np


def discounted_returns(rewards, gamma):
    G, out = 0.0, []
    for r in rewards[::-1]:
        G = r + gamma * G
        out.append(G)
    return np.array(out[::-1])


def reinforce_loss(probs_taken, returns, baseline=None):
    loss = 0
    for t in range(len(probs_taken)):
        G = returns[t] if baseline is None else returns[t] - np.broadcast_to(baseline, np.shape(returns))[t]
        loss += -np.log(probs_taken[t]) * G
    return loss
