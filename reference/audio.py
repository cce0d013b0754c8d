"""Speech features in NumPy: framing, the Hann window, the power spectrogram, mel filter banks, MFCC, μ-law.

A signal x is a 1-D array of L samples at the sampling rate fs (Hz). Frames are rows: every spectrogram here is
(n_frames, n_bins), n_bins = n_fft // 2 + 1 (rfft keeps the frequencies 0 ... fs/2, the Nyquist frequency).
Conventions: frames start at sample 0 (no centre padding, torch.stft(center=False)); the Hann window is the
symmetric one (np.hanning); the power is |X|^2 (no 1/n_fft); the mel scale is HTK's 2595·log10(1 + f/700) with
triangles of peak 1 on the rfft bin frequencies; MFCC is the orthonormal DCT-II of the natural log of the mel
energies; μ-law uses μ = 255 and 256 integer levels 0 ... 255.
"""
import numpy as np


# --- framing and windowing ---

def to_frames(x, width, stride):
    """Cut x into overlapping frames of width samples, stride samples apart.

    x: (L,). Returns (n_frames, width), n_frames = 1 + (L - width) // stride; frame i is x[i*stride : i*stride + width]
    (samples after the last whole frame are dropped).
    """
    n_frames = 1 + (len(x) - width) // stride
    idx = stride * np.arange(n_frames)[:, np.newaxis] + np.arange(width)[np.newaxis, :]
    return x[idx]


def hann(N):
    """Symmetric Hann window of N points (np.hanning): w[n] = 0.5 - 0.5 cos(2πn / (N - 1)), w[0] = w[N-1] = 0."""
    n = np.arange(N)
    return 0.5 - 0.5 * np.cos(2 * np.pi * n / (N - 1))


# --- short-time Fourier transform ---

def stft_power(x, n_fft, hop, window):
    """Power spectrogram |STFT|^2.

    x: (L,), window: (n_fft,). Frames of n_fft samples, hop apart, times the window, then the real FFT.
    Returns (n_frames, n_fft // 2 + 1); bin k is the frequency k * fs / n_fft.
    """
    frames = to_frames(x, n_fft, hop)
    X = np.fft.rfft(frames * window, n=n_fft)
    return np.abs(X) ** 2


# --- the mel scale and the mel filter bank ---

def hz2mel(f):
    """HTK mel scale: 2595 log10(1 + f / 700). f: Hz, any shape."""
    return 2595 * np.log10(1 + f / 700)


def mel2hz(m):
    """The inverse of hz2mel: 700 (10^(m / 2595) - 1). m: mel, any shape."""
    return 700 * (10 ** (m / 2595) - 1)


def mel_filterbank(n_filters, n_fft, fs):
    """Triangular filters equally spaced on the mel scale from 0 Hz to fs / 2.

    n_filters + 2 edge points are spaced evenly in mel and converted back to Hz; filter m rises linearly from
    point m to 1 at point m + 1 and falls back to 0 at point m + 2, evaluated at the rfft bin frequencies
    k * fs / n_fft (peak 1, no area normalisation). Returns (n_filters, n_fft // 2 + 1): mel energies are
    power_spec @ fbank.T.
    """
    mel_points = np.linspace(hz2mel(0), hz2mel(fs / 2), n_filters + 2)
    hz_points = mel2hz(mel_points)
    freqs = np.arange(n_fft // 2 + 1) * fs / n_fft
    fbank = np.zeros((n_filters, n_fft // 2 + 1))
    for m in range(n_filters):
        left, center, right = hz_points[m], hz_points[m + 1], hz_points[m + 2]
        rising = (freqs - left) / (center - left)
        falling = (right - freqs) / (right - center)
        fbank[m] = np.maximum(0, np.minimum(rising, falling))
    return fbank


# --- MFCC ---

def preemphasis(x, alpha):
    """First-order high-pass filter y[0] = x[0], y[t] = x[t] - alpha x[t - 1]. x: (L,). Returns (L,)."""
    return np.append(x[0], x[1:] - alpha * x[:-1])


def mfcc(x, fs, n_fft, hop, n_filters, n_mfcc, alpha):
    """Mel-frequency cepstral coefficients.

    Pre-emphasis, Hann-windowed power spectrogram, mel filter bank, natural log, then the orthonormal DCT-II over
    the filters (scipy.fft.dct(norm='ortho')), keeping the first n_mfcc coefficients.
    x: (L,). Returns (n_frames, n_mfcc).
    """
    x = preemphasis(x, alpha)
    power = stft_power(x, n_fft, hop, hann(n_fft))
    mel = power @ mel_filterbank(n_filters, n_fft, fs).T
    log_mel = np.log(mel + 1e-10)
    k = np.arange(n_mfcc)[:, np.newaxis]
    n = np.arange(n_filters)[np.newaxis, :]
    dct = np.sqrt(2 / n_filters) * np.cos(np.pi * k * (2 * n + 1) / (2 * n_filters))
    dct[0] /= np.sqrt(2)
    return log_mel @ dct.T


# --- μ-law companding (WaveNet's 8-bit output) ---

def mu_law_encode(x, mu=255):
    """μ-law companding and quantisation to mu + 1 integer levels.

    x: any shape, values in [-1, 1]. y = sign(x) ln(1 + μ|x|) / ln(1 + μ) in [-1, 1] is mapped to
    round((y + 1) / 2 * μ) in 0 ... μ (256 levels for μ = 255). Returns int64.
    """
    y = np.sign(x) * np.log1p(mu * np.abs(x)) / np.log1p(mu)
    return ((y + 1) / 2 * mu + 0.5).astype(np.int64)


def mu_law_decode(q, mu=255):
    """The inverse of mu_law_encode: the level q in 0 ... μ back to an amplitude in [-1, 1].

    y = 2q / μ - 1, x = sign(y) ((1 + μ)^|y| - 1) / μ. q: integers, any shape. Returns floats.
    """
    y = 2 * q / mu - 1
    return np.sign(y) * ((1 + mu) ** np.abs(y) - 1) / mu
