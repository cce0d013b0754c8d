# expect: values
"""Compares with the previous epoch's loss instead of the best so far."""
import numpy as np


class EarlyStopping:
    def __init__(self, patience=5):
        self.patience = patience
        self.prev = np.inf
        self.wait = 0

    def step(self, val_loss):
        if val_loss < self.prev:
            self.wait = 0
        else:
            self.wait += 1
        self.prev = val_loss
        return self.wait >= self.patience
