"""The other legitimate conventions of reference.audio's drills, for the problems' `conventions:` key."""
import numpy as np

from reference.audio import to_frames


def hann_periodic(N):
    """Periodic Hann window (torch.hann_window, scipy.signal.get_window('hann')): 0.5 - 0.5 cos(2πn / N)."""
    n = np.arange(N)
    return 0.5 - 0.5 * np.cos(2 * np.pi * n / N)


def stft_power_scaled(x, n_fft, hop, window):
    """The periodogram |X|^2 / n_fft (python_speech_features' powspec)."""
    X = np.fft.rfft(to_frames(x, n_fft, hop) * window, n=n_fft, axis=1)
    return np.abs(X) ** 2 / n_fft


def mel_filterbank_integer_bins(n_filters, n_fft, fs):
    """The filter bank on integer FFT bins (python_speech_features, Fayek's tutorial): the mel points are rounded
    down to bins floor((n_fft + 1) * hz / fs) and the triangles run between those bins."""
    mel = np.linspace(0, 2595 * np.log10(1 + fs / 2 / 700), n_filters + 2)
    bins = np.floor((n_fft + 1) * 700 * (10 ** (mel / 2595) - 1) / fs).astype(int)
    fbank = np.zeros((n_filters, n_fft // 2 + 1))
    for m in range(1, n_filters + 1):
        for k in range(bins[m - 1], bins[m]):
            fbank[m - 1, k] = (k - bins[m - 1]) / (bins[m] - bins[m - 1])
        for k in range(bins[m], bins[m + 1]):
            fbank[m - 1, k] = (bins[m + 1] - k) / (bins[m + 1] - bins[m])
    return fbank


def _log_mel(x, fs, n_fft, hop, n_filters, alpha):
    from reference.audio import hann, mel_filterbank, preemphasis, stft_power
    power = stft_power(preemphasis(x, alpha), n_fft, hop, hann(n_fft))
    return power @ mel_filterbank(n_filters, n_fft, fs).T


def _dct2_ortho(v, n_out):
    N = v.shape[-1]
    k, n = np.arange(n_out)[:, None], np.arange(N)[None, :]
    basis = np.sqrt(2 / N) * np.cos(np.pi * k * (2 * n + 1) / (2 * N))
    basis[0] /= np.sqrt(2)
    return v @ basis.T


def mfcc_db(x, fs, n_fft, hop, n_filters, n_mfcc, alpha):
    """MFCC from the mel energies in decibels, 10 log10 (numpy-ml's form), instead of the natural log."""
    return _dct2_ortho(10 * np.log10(_log_mel(x, fs, n_fft, hop, n_filters, alpha) + 1e-10), n_mfcc)


def mfcc_dct_unnormalised(x, fs, n_fft, hop, n_filters, n_mfcc, alpha):
    """MFCC with scipy.fft.dct's default norm=None: 2 Σ v_n cos(πk(2n + 1) / 2N), no orthonormal scaling."""
    v = np.log(_log_mel(x, fs, n_fft, hop, n_filters, alpha) + 1e-10)
    k, n = np.arange(n_mfcc)[:, None], np.arange(n_filters)[None, :]
    return v @ (2 * np.cos(np.pi * k * (2 * n + 1) / (2 * n_filters))).T


def mu_law_encode_floor(x, mu=255):
    """μ-law quantised by truncation, floor((y + 1) / 2 * μ), instead of rounding."""
    y = np.sign(x) * np.log1p(mu * np.abs(x)) / np.log1p(mu)
    return np.floor((y + 1) / 2 * mu).astype(np.int64)
