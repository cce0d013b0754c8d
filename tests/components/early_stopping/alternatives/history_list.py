"""Keeps the history and counts the epochs since the (first) minimum."""
import numpy as np


class EarlyStopping:
    def __init__(self, patience=5):
        self.patience = patience
        self.history = []

    def step(self, val_loss):
        self.history.append(val_loss)
        since_best = len(self.history) - 1 - int(np.argmin(self.history))
        return bool(since_best >= self.patience)
