# expect: convention
"""The paper's ||ε − ε_θ||²: summed over each image, averaged over the batch."""
import numpy as np


class DDPMLoss:
    def forward(self, eps_pred, noise):
        self.d = eps_pred - noise
        return np.sum(self.d ** 2) / len(self.d)

    def backward(self, dout=1):
        return 2 * self.d / len(self.d)
