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
