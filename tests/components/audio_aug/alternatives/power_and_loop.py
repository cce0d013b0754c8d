"""np.power, the noise drawn as rng.normal with its standard deviation, the interpolation written as a loop."""
import math
import numpy as np


def gain(x, db):
    return x * np.power(10.0, db / 20.0)


def add_noise_snr(x, snr_db, rng):
    p_signal = np.sum(x * x) / x.size
    sigma = math.sqrt(p_signal * 10.0 ** (-snr_db / 10.0))
    return x + rng.normal(0.0, sigma, size=x.shape)


def pitch_shift(x, n_steps):
    rate = 2.0 ** (n_steps / 12.0)
    out = []
    k = 0
    while k * rate <= len(x) - 1:
        t = k * rate
        i = min(int(t), len(x) - 2)
        frac = t - i
        out.append((1 - frac) * x[i] + frac * x[i + 1])
        k += 1
    return np.array(out)
