"""One image at a time, with Python scalars and an if for the last step."""
import math

import numpy as np


def denoise_step(x, t, eps_pred, alphas, alpha_bars, noise):
    out = np.empty_like(x)
    for n, step in enumerate(t):
        i = int(step) - 1
        a, ab = float(alphas[i]), float(alpha_bars[i])
        mean = (x[n] - (1 - a) / math.sqrt(1 - ab) * eps_pred[n]) / math.sqrt(a)
        if step == 1:
            out[n] = mean
        else:
            std = math.sqrt((1 - a) * (1 - alpha_bars[i - 1]) / (1 - ab))
            out[n] = mean + std * noise[n]
    return out
