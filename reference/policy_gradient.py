"""Policy gradient: discounted returns, the REINFORCE loss, one-step actor-critic (A2C / A3C) losses.

The book's (ゼロから作るDeep Learning ④, ch09 reinforce.py / actor_critic.py) updates in NumPy. Where the book lets
DeZero differentiate and cuts the graph with `unchain()`, the actor-critic layer writes the backward by hand and
the cut becomes a constant: no gradient flows through the TD target or through the advantage δ into the actor.
"""
import numpy as np


def discounted_returns(rewards, gamma):
    """Returns G_t = r_t + γ r_{t+1} + γ² r_{t+2} + ..., computed backwards (G = r + γ G), as the book's loop.

    rewards: (T,) rewards of one episode in time order. Returns (T,).
    """
    G = 0
    returns = np.zeros(len(rewards))
    for t in reversed(range(len(rewards))):
        G = rewards[t] + gamma * G
        returns[t] = G
    return returns


def reinforce_loss(probs_taken, returns, baseline=None):
    """REINFORCE loss -Σ_t log π(a_t|s_t) (G_t - b), summed over the episode (the book's `loss += -F.log(prob) * G`).

    probs_taken: (T,) probabilities π(a_t|s_t) of the actions taken; returns: (T,) G_t;
    baseline: None, a scalar or (T,) b(s_t) subtracted from the returns. Returns a scalar.
    """
    if baseline is not None:
        returns = returns - baseline
    return np.sum(-np.log(probs_taken) * returns)


class ActorCriticLoss:
    """One-step actor-critic losses for B transitions: the critic's MSE to the TD target, the actor's -log π · δ.

    A3C's entropy bonus -β H(π) is added to the actor's loss (β = 0: the book's actor-critic).
    forward(v, v_next, reward, done, probs, action): v, v_next: (B,) critic values V(s), V(s');
    reward: (B,); done: (B,) 0/1 ints; probs: (B, A) policy π(·|s); action: (B,) ints.
    Returns (loss_pi, loss_v), each the batch mean. backward(dloss_pi, dloss_v) -> (dv, dv_next, dprobs):
    the target and δ are constants (the book's unchain), so dv_next is 0 and δ sends no gradient to v.
    """
    def __init__(self, gamma=0.98, beta=0.0):
        self.gamma = gamma
        self.beta = beta
        self.cache = None

    def forward(self, v, v_next, reward, done, probs, action):
        batch_size = len(v)
        target = reward + self.gamma * v_next * (1 - done)
        delta = target - v
        prob_a = probs[np.arange(batch_size), action]
        entropy = -np.sum(probs * np.log(probs), axis=1)
        loss_pi = np.sum(-np.log(prob_a) * delta - self.beta * entropy) / batch_size
        loss_v = np.sum((v - target) ** 2) / batch_size
        self.cache = (v, v_next, probs, action, target, delta, prob_a)
        return loss_pi, loss_v

    def backward(self, dloss_pi=1, dloss_v=1):
        v, v_next, probs, action, target, delta, prob_a = self.cache
        batch_size = len(v)
        dv = dloss_v * 2 * (v - target) / batch_size
        dv_next = np.zeros_like(v_next)
        dprobs = dloss_pi * self.beta * (np.log(probs) + 1) / batch_size
        dprobs[np.arange(batch_size), action] += dloss_pi * (-delta / prob_a) / batch_size
        return dv, dv_next, dprobs
