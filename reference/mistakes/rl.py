"""Classic wrong answers of the reinforcement-learning drills (reference/rl_tabular.py, dqn.py, policy_gradient.py),
for their `mistakes:` entries."""
import numpy as np

from reference.dqn import DuelingHead, ReplayBuffer
from reference.policy_gradient import ActorCriticLoss


def sarsa_with_max(Q, s, a, r, s2, a2, done, alpha, gamma):
    """SARSA bootstrapping from max Q(s2, ·): that is Q-learning's target, not Q(s2, a2)."""
    next_q = 0 if done else np.max(Q[s2])
    Q[s, a] += (r + gamma * next_q - Q[s, a]) * alpha


def q_update_ignores_done(Q, s, a, r, s2, done, alpha, gamma):
    """Q-learning that bootstraps from max Q(s2) even on a terminal transition."""
    Q[s, a] += (r + gamma * np.max(Q[s2]) - Q[s, a]) * alpha


def td0_ignores_done(V, s, r, s2, done, alpha, gamma):
    """TD(0) that bootstraps from V(s2) even on a terminal transition."""
    V[s] += (r + gamma * V[s2] - V[s]) * alpha


def eps_greedy_reversed(qs, eps, rng):
    """rng.random() > eps: explores with probability 1 − eps."""
    if rng.random() > eps:
        return rng.integers(len(qs))
    return np.argmax(qs)


def dqn_target_no_done(reward, done, next_qs_online, next_qs_target, gamma):
    """DQN target without (1 − done)."""
    return reward + gamma * next_qs_target.max(axis=1)


def dqn_target_online_net(reward, done, next_qs_online, next_qs_target, gamma):
    """DQN target from the online network's Q values: the target network not used."""
    return reward + (1 - done) * gamma * next_qs_online.max(axis=1)


def ddqn_target_no_done(reward, done, next_qs_online, next_qs_target, gamma):
    """Double DQN target without (1 − done)."""
    a = next_qs_online.argmax(axis=1)
    return reward + gamma * next_qs_target[np.arange(len(a)), a]


def ddqn_selects_with_target(reward, done, next_qs_online, next_qs_target, gamma):
    """Double DQN selecting the next action with the target network: plain DQN's max."""
    return reward + (1 - done) * gamma * next_qs_target.max(axis=1)


def ddqn_evaluates_with_online(reward, done, next_qs_online, next_qs_target, gamma):
    """Double DQN evaluating with the online network: the target network not used."""
    return reward + (1 - done) * gamma * next_qs_online.max(axis=1)


def dqn_loss_max_q(qs, action, td_target):
    """The loss on max_a Q(s, a) instead of Q(s, a) of the action taken."""
    return np.mean((qs.max(axis=1) - td_target) ** 2)


class DuelingNoMean(DuelingHead):
    """Q = V + A: the advantages' mean not subtracted (V and A not identifiable)."""
    def forward(self, V, A):
        self.K = A.shape[1]
        return V + A

    def backward(self, dQ):
        return dQ.sum(axis=1, keepdims=True), dQ


class ReplayBufferNoMaxlen(ReplayBuffer):
    """deque() without maxlen: the buffer never forgets and old transitions are sampled."""
    def __init__(self, buffer_size, batch_size, rng):
        super().__init__(buffer_size, batch_size, rng)
        from collections import deque
        self.buffer = deque()


def returns_forwards(rewards, gamma):
    """Returns accumulated from the first step forwards: the discount runs the wrong way."""
    G, out = 0, np.zeros(len(rewards))
    for t in range(len(rewards)):
        G = rewards[t] + gamma * G
        out[t] = G
    return out


def returns_undiscounted(rewards, gamma):
    """The rewards from t on summed without the discount."""
    return np.cumsum(np.asarray(rewards, dtype=float)[::-1])[::-1]


def reinforce_no_minus(probs_taken, returns, baseline=None):
    """+Σ log π · G: minimising it lowers the probability of rewarded actions."""
    if baseline is not None:
        returns = returns - baseline
    return np.sum(np.log(probs_taken) * returns)


def reinforce_baseline_added(probs_taken, returns, baseline=None):
    """The baseline added to the returns instead of subtracted."""
    if baseline is not None:
        returns = returns + baseline
    return np.sum(-np.log(probs_taken) * returns)


class ActorCriticDeltaNotDetached(ActorCriticLoss):
    """The advantage δ not detached: the actor's loss also sends −log π · (−1) into the critic's v."""
    def backward(self, dloss_pi=1, dloss_v=1):
        dv, dv_next, dprobs = super().backward(dloss_pi, dloss_v)
        prob_a = self.cache[6]
        return dv + dloss_pi * np.log(prob_a) / len(dv), dv_next, dprobs


class ActorCriticTargetNotDetached(ActorCriticLoss):
    """The TD target not detached: the critic's loss sends a gradient through γ V(s') into v_next."""
    def backward(self, dloss_pi=1, dloss_v=1):
        dv, dv_next, dprobs = super().backward(dloss_pi, dloss_v)
        return dv, -dv * self.gamma * (1 - self._done), dprobs

    def forward(self, v, v_next, reward, done, probs, action):
        self._done = done
        return super().forward(v, v_next, reward, done, probs, action)
