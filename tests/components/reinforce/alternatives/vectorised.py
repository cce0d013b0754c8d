"""Returns as a discount matrix (upper-triangular powers of gamma); the loss with np.dot and a default baseline 0."""
import numpy as np


def discounted_returns(rewards, gamma):
    T = len(rewards)
    k = np.arange(T)
    powers = np.triu(float(gamma) ** (k[None, :] - k[:, None]))
    return powers @ np.asarray(rewards, dtype=np.float64)


def reinforce_loss(probs_taken, returns, baseline=None):
    b = 0.0 if baseline is None else baseline
    return -np.dot(np.log(probs_taken), returns - b)
