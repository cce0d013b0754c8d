# expect: values
"""10^(db/10) on the amplitude: the power factor applied to the amplitude (+6 dB gives 4 times, not 2)."""
import numpy as np


def gain(x, db):
    return x * 10 ** (db / 10)


def add_noise_snr(x, snr_db, rng):
    P_n = np.mean(x ** 2) / 10 ** (snr_db / 10)
    return x + np.sqrt(P_n) * rng.standard_normal(x.shape)


def pitch_shift(x, n_steps):
    rate = 2 ** (n_steps / 12)
    t = np.arange(int((len(x) - 1) / rate) + 1) * rate
    return np.interp(t, np.arange(len(x)), x)
