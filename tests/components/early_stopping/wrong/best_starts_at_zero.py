# expect: values
"""best starts at 0: no loss is ever an improvement."""


class EarlyStopping:
    def __init__(self, patience=5):
        self.patience = patience
        self.best = 0
        self.wait = 0

    def step(self, val_loss):
        if val_loss < self.best:
            self.best = val_loss
            self.wait = 0
        else:
            self.wait += 1
        return self.wait >= self.patience
