"""All filters at once by broadcasting, the bin frequencies from np.fft.rfftfreq."""
import numpy as np


def hz2mel(f):
    return 2595.0 * np.log10(1.0 + np.asarray(f) / 700.0)


def mel2hz(m):
    return 700.0 * (np.power(10.0, np.asarray(m) / 2595.0) - 1.0)


def mel_filterbank(n_filters, n_fft, fs):
    pts = mel2hz(np.linspace(0.0, hz2mel(fs / 2.0), n_filters + 2))
    freqs = np.fft.rfftfreq(n_fft, d=1.0 / fs)
    lo, mid, hi = pts[:-2, None], pts[1:-1, None], pts[2:, None]
    up = (freqs[None, :] - lo) / (mid - lo)
    down = (hi - freqs[None, :]) / (hi - mid)
    return np.clip(np.minimum(up, down), 0.0, None)
