"""The DFT written as a matrix of exp(-2πi kn / N), k = 0 … N // 2; power as X times its conjugate."""
import numpy as np


def stft_power(x, n_fft, hop, window):
    n_frames = 1 + (len(x) - n_fft) // hop
    frames = np.stack([x[i * hop:i * hop + n_fft] * window for i in range(n_frames)])
    k = np.arange(n_fft // 2 + 1)[:, None]
    n = np.arange(n_fft)[None, :]
    basis = np.exp(-2j * np.pi * k * n / n_fft)
    X = frames @ basis.T
    return (X * np.conj(X)).real
