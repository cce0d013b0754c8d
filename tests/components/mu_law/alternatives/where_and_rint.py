"""Positive and negative halves with np.where, np.rint for the rounding."""
import numpy as np


def mu_law_encode(x, mu=255):
    mag = np.log1p(mu * np.abs(x)) / np.log1p(mu)
    y = np.where(x < 0, -mag, mag)
    return np.rint((y + 1) * mu / 2).astype(np.int64)


def mu_law_decode(q, mu=255):
    y = (2 * q - mu) / mu
    mag = (np.power(1.0 + mu, np.abs(y)) - 1.0) / mu
    return np.where(y < 0, -mag, mag)
