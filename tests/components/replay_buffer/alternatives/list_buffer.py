"""A plain list that drops its oldest item when full; zip(*) to unpack the batch."""
import numpy as np


class ReplayBuffer:
    def __init__(self, buffer_size, batch_size, rng):
        self.buffer, self.size, self.batch_size, self.rng = [], buffer_size, batch_size, rng

    def add(self, state, action, reward, next_state, done):
        if len(self.buffer) == self.size:
            self.buffer.pop(0)
        self.buffer.append((state, action, reward, next_state, done))

    def get_batch(self):
        idx = self.rng.choice(len(self.buffer), size=self.batch_size, replace=False)
        s, a, r, s2, d = zip(*[self.buffer[i] for i in idx])
        return np.array(s), np.array(a), np.array(r), np.array(s2), np.array(d, dtype=np.int32)
