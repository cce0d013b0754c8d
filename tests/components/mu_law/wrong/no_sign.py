# expect: values
"""ln(1 + μx) without |x| and sign: negative amplitudes give the log of a negative number (NaN) or wrong levels."""
import numpy as np


def mu_law_encode(x, mu=255):
    with np.errstate(invalid='ignore'):
        y = np.log1p(mu * x) / np.log1p(mu)
    return np.nan_to_num((y + 1) / 2 * mu + 0.5, nan=0.0).astype(np.int64)


def mu_law_decode(q, mu=255):
    y = 2 * q / mu - 1
    return np.sign(y) * ((1 + mu) ** np.abs(y) - 1) / mu
