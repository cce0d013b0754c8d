"""Preallocated-style ring buffer: a write position wraps around, indices mapped back to age order."""
from collections import deque

import numpy as np


class ReplayBuffer:
    def __init__(self, buffer_size, batch_size, rng):
        self.slots = [None] * buffer_size
        self.pos, self.count = 0, 0
        self.batch_size, self.rng = batch_size, rng

    def add(self, state, action, reward, next_state, done):
        self.slots[self.pos] = (state, action, reward, next_state, done)
        self.pos = (self.pos + 1) % len(self.slots)
        self.count = min(self.count + 1, len(self.slots))

    def get_batch(self):
        oldest = (self.pos - self.count) % len(self.slots)
        ordered = deque(self.slots[(oldest + k) % len(self.slots)] for k in range(self.count))
        idx = self.rng.choice(self.count, self.batch_size, replace=False)
        data = [ordered[i] for i in idx]
        return tuple(np.stack([x[j] for x in data]) if j in (0, 3) else np.array([x[j] for x in data])
                     for j in range(4)) + (np.array([int(x[4]) for x in data]),)
