# expect: mistake
"""Never resets the wait on an improvement: counts every bad epoch since the start."""
import numpy as np


class EarlyStopping:
    def __init__(self, patience=5):
        self.patience = patience
        self.best = np.inf
        self.wait = 0

    def step(self, val_loss):
        if val_loss < self.best:
            self.best = val_loss
        else:
            self.wait += 1
        return self.wait >= self.patience
