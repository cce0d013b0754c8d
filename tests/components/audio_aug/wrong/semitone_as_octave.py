# expect: shape
"""rate = 2^n: n taken as octaves instead of semitones."""
import numpy as np


def gain(x, db):
    return x * 10 ** (db / 20)


def add_noise_snr(x, snr_db, rng):
    P_n = np.mean(x ** 2) / 10 ** (snr_db / 10)
    return x + np.sqrt(P_n) * rng.standard_normal(x.shape)


def pitch_shift(x, n_steps):
    rate = 2.0 ** n_steps
    t = np.arange(int((len(x) - 1) / rate) + 1) * rate
    return np.interp(t, np.arange(len(x)), x)
