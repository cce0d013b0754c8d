# expect: values
"""P_n = P_x / 10^(snr/20): the amplitude ratio used for a power."""
import numpy as np


def gain(x, db):
    return x * 10 ** (db / 20)


def add_noise_snr(x, snr_db, rng):
    P_n = np.mean(x ** 2) / 10 ** (snr_db / 20)
    return x + np.sqrt(P_n) * rng.standard_normal(x.shape)


def pitch_shift(x, n_steps):
    rate = 2 ** (n_steps / 12)
    t = np.arange(int((len(x) - 1) / rate) + 1) * rate
    return np.interp(t, np.arange(len(x)), x)
