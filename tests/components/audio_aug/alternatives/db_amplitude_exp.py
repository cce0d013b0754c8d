"""exp(db·ln10 / 20); the noise scaled from the RMS; np.interp on times from np.arange with a tolerance."""
import numpy as np


def gain(x, db):
    return np.exp(db * np.log(10) / 20) * x


def add_noise_snr(x, snr_db, rng):
    rms = np.sqrt(np.mean(np.square(x)))
    noise = rng.standard_normal(x.shape)
    return x + rms / 10 ** (snr_db / 20) * noise


def pitch_shift(x, n_steps):
    rate = np.exp2(n_steps / 12)
    t = np.arange(0, len(x) - 1 + 1e-9, rate)
    return np.interp(t, np.arange(len(x)), x)
