"""DQN: the TD target with a target network, double DQN's target, the loss on the actions taken.

The book's (ゼロから作るDeep Learning ④, ch08 dqn.py) DQNAgent.update written as NumPy functions of the networks'
outputs: a batch of B transitions, A actions. The next states' Q values of both networks are passed in
(`next_qs_online = qnet(next_state)`, `next_qs_target = qnet_target(next_state)`, each (B, A)); the target is a
constant for the loss (the book's `next_q.unchain()`). done is the book's `done.astype(np.int32)`: 0 or 1 per
transition. The replay buffer is the book's, with the sampling drawn from a passed generator.
"""
import numpy as np


class ReplayBuffer:
    """Experience replay: the last buffer_size transitions, sampled at random in mini-batches (book ④ ch08).

    rng: numpy Generator. get_batch draws rng.choice(len(self.buffer), self.batch_size, replace=False) (in place of
    the book's random.sample) and returns (state, action, reward, next_state, done) with states stacked (B, ...) and
    done as 0/1 np.int32. (The book's __len__, len(self.buffer), is left out: the drill cannot call it.)
    """
    def __init__(self, buffer_size, batch_size, rng):
        from collections import deque  # here, not at the top: a drill's hole file imports only numpy
        self.buffer = deque(maxlen=buffer_size)
        self.batch_size = batch_size
        self.rng = rng

    def add(self, state, action, reward, next_state, done):
        data = (state, action, reward, next_state, done)
        self.buffer.append(data)

    def get_batch(self):
        idx = self.rng.choice(len(self.buffer), self.batch_size, replace=False)
        data = [self.buffer[i] for i in idx]

        state = np.stack([x[0] for x in data])
        action = np.array([x[1] for x in data])
        reward = np.array([x[2] for x in data])
        next_state = np.stack([x[3] for x in data])
        done = np.array([x[4] for x in data]).astype(np.int32)
        return state, action, reward, next_state, done


def dqn_target(reward, done, next_qs_online, next_qs_target, gamma):
    """DQN's TD target r + γ (1 - done) max_a Q_target(s', a).

    reward: (B,); done: (B,) 0/1 ints; next_qs_online, next_qs_target: (B, A) Q values of the next states from the
    online network and from the target network (DQN uses only the target network's). Returns (B,).
    """
    next_q = next_qs_target.max(axis=1)
    return reward + (1 - done) * gamma * next_q


def ddqn_target(reward, done, next_qs_online, next_qs_target, gamma):
    """Double DQN's TD target: the online network selects the next action, the target network evaluates it.

    Same arguments as dqn_target. Returns (B,).
    """
    next_action = next_qs_online.argmax(axis=1)
    next_q = next_qs_target[np.arange(len(next_action)), next_action]
    return reward + gamma * next_q * (1 - done)


def dqn_loss(qs, action, td_target):
    """Mean squared error between Q(s, a) of the actions taken and the TD target (DeZero's mean_squared_error).

    qs: (B, A) online network's Q values of the states; action: (B,) ints; td_target: (B,). Returns a scalar.
    """
    batch_size = qs.shape[0]
    q = qs[np.arange(batch_size), action]
    diff = q - td_target
    return np.sum(diff ** 2) / len(diff)


class DuelingHead:
    """Dueling network head: Q(s, a) = V(s) + A(s, a) - mean_a' A(s, a') (Wang et al., 2016, eq. 9).

    forward(V, A): V: (N, 1) state values; A: (N, K) advantages. Returns Q: (N, K).
    backward(dQ) -> (dV, dA). Subtracting the mean makes V and A identifiable (A averages to 0).
    """
    def __init__(self):
        self.K = None

    def forward(self, V, A):
        self.K = A.shape[1]
        Q = V + (A - A.mean(axis=1, keepdims=True))
        return Q

    def backward(self, dQ):
        dV = dQ.sum(axis=1, keepdims=True)
        dA = dQ - dQ.sum(axis=1, keepdims=True) / self.K
        return dV, dA
