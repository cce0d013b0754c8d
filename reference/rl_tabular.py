"""Tabular reinforcement learning: ε-greedy action choice, TD(0) evaluation, SARSA and Q-learning updates.

The book's (ゼロから作るDeep Learning ④, ch06 td_eval.py / sarsa.py / q_learning.py; ch08 get_action) updates,
with the tables as NumPy arrays instead of defaultdicts: V is (S,) state values, Q is (S, A) action values, states
and actions are integer indices. The updates change the table in place and return nothing, as the book's agents.
A terminal transition (done) has no next state to bootstrap from: its next value is 0.
"""
import numpy as np


def eps_greedy(qs, eps, rng):
    """ε-greedy action: a uniformly random action with probability eps, else the greedy one.

    qs: (A,) action values of the current state; eps: exploration rate in [0, 1];
    rng: numpy Generator. Draw order: rng.random() once; only when it is < eps,
    rng.integers(len(qs)) picks the action among ALL actions (the greedy one included).
    Ties in the greedy choice go to the first maximum (np.argmax). Returns the action index.
    """
    if rng.random() < eps:
        return rng.integers(len(qs))
    else:
        return np.argmax(qs)


def td0(V, s, r, s2, done, alpha, gamma):
    """TD(0) evaluation of a policy: V[s] += α (r + γ V[s2] - V[s]), V[s2] taken as 0 when done.

    V: (S,) state values, updated in place; s, s2: state indices; r: reward; done: bool.
    """
    next_V = 0 if done else V[s2]
    target = r + gamma * next_V
    V[s] += (target - V[s]) * alpha


def sarsa_update(Q, s, a, r, s2, a2, done, alpha, gamma):
    """SARSA (on-policy TD control): the target uses Q of the action a2 actually taken next.

    Q: (S, A) action values, updated in place; s, a: state and action; r: reward;
    s2, a2: next state and the next action chosen by the policy; done: bool.
    """
    next_q = 0 if done else Q[s2, a2]
    target = r + gamma * next_q
    Q[s, a] += (target - Q[s, a]) * alpha


def q_update(Q, s, a, r, s2, done, alpha, gamma):
    """Q-learning (off-policy TD control): the target uses the best action value of the next state.

    Q: (S, A) action values, updated in place; s, a: state and action; r: reward;
    s2: next state; done: bool.
    """
    if done:
        next_q_max = 0
    else:
        next_q_max = np.max(Q[s2])
    target = r + gamma * next_q_max
    Q[s, a] += alpha * (target - Q[s, a])
