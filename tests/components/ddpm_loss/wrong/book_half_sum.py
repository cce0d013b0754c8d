# expect: convention
"""ゼロから作る①'s mean_squared_error: ½ Σ (y − t)²."""
import numpy as np


class DDPMLoss:
    def forward(self, eps_pred, noise):
        self.d = eps_pred - noise
        return 0.5 * np.sum(self.d ** 2)

    def backward(self, dout=1):
        return self.d.copy()
