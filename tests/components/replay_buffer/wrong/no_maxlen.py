# expect: mistake
"""deque() without maxlen: the buffer grows forever and old transitions are sampled."""
from collections import deque

import numpy as np


class ReplayBuffer:
    def __init__(self, buffer_size, batch_size, rng):
        self.buffer = deque()
        self.batch_size = batch_size
        self.rng = rng

    def add(self, state, action, reward, next_state, done):
        self.buffer.append((state, action, reward, next_state, done))

    def get_batch(self):
        idx = self.rng.choice(len(self.buffer), self.batch_size, replace=False)
        data = [self.buffer[i] for i in idx]
        state = np.stack([x[0] for x in data])
        action = np.array([x[1] for x in data])
        reward = np.array([x[2] for x in data])
        next_state = np.stack([x[3] for x in data])
        done = np.array([x[4] for x in data]).astype(np.int32)
        return state, action, reward, next_state, done
