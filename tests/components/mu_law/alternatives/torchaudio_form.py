"""torchaudio's formulas written with np.log and np.exp / expm1, rounding with np.floor(... + 0.5)."""
import numpy as np


def mu_law_encode(x, mu=255):
    y = np.sign(x) * np.log(1.0 + mu * np.abs(x)) / np.log(1.0 + mu)
    return np.floor((y + 1.0) / 2.0 * mu + 0.5).astype(np.int64)


def mu_law_decode(q, mu=255):
    y = q.astype(np.float64) / mu * 2.0 - 1.0
    return np.sign(y) * np.expm1(np.abs(y) * np.log1p(mu)) / mu
