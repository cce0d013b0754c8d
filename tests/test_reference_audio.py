"""reference.audio against torch.stft / torch.fft.rfft / torch.hann_window, scipy.signal.get_window,
scipy.fft.dct(norm='ortho'), hand-written loops and hand-derived values."""
import numpy as np
import pytest
import scipy.fft
import scipy.signal

from reference import audio, audio_conventions

torch = pytest.importorskip("torch")


@pytest.fixture
def rng():
    return np.random.default_rng(0)


def test_to_frames_matches_a_loop_and_torch_unfold(rng):
    x = rng.normal(size=23)
    frames = audio.to_frames(x, 8, 3)
    assert frames.shape == (6, 8)  # 1 + (23 - 8) // 3
    for i in range(6):
        np.testing.assert_array_equal(frames[i], x[3 * i:3 * i + 8])
    np.testing.assert_array_equal(frames, torch.tensor(x).unfold(0, 8, 3).numpy())
    assert audio.to_frames(np.arange(20.0), 7, 4).shape == (4, 7)  # sample 19 dropped


def test_hann_symmetric_and_periodic_match_numpy_scipy_torch():
    for N in (8, 9, 400):
        np.testing.assert_allclose(audio.hann(N), np.hanning(N), atol=1e-15)
        np.testing.assert_allclose(audio.hann(N), scipy.signal.get_window('hann', N, fftbins=False), atol=1e-15)
        np.testing.assert_allclose(audio.hann(N), torch.hann_window(N, periodic=False, dtype=torch.float64).numpy(),
                                   atol=1e-15)
        np.testing.assert_allclose(audio_conventions.hann_periodic(N), torch.hann_window(N, dtype=torch.float64).numpy(),
                                   atol=1e-15)
        np.testing.assert_allclose(audio_conventions.hann_periodic(N), scipy.signal.get_window('hann', N), atol=1e-15)
    # hand values: N = 5 gives 0, 0.5, 1, 0.5, 0
    np.testing.assert_allclose(audio.hann(5), [0, 0.5, 1, 0.5, 0], atol=1e-15)


def test_stft_power_matches_torch_stft_center_false(rng):
    x = rng.normal(size=64)
    w = audio.hann(16)
    P = audio.stft_power(x, 16, 8, w)
    X = torch.stft(torch.tensor(x), n_fft=16, hop_length=8, win_length=16, window=torch.tensor(w), center=False,
                   return_complex=True)
    np.testing.assert_allclose(P, (X.abs() ** 2).numpy().T, rtol=1e-12, atol=1e-12)
    # torch.fft.rfft on the frames, odd n_fft and a rectangular window
    frames = audio.to_frames(x, 9, 9)
    np.testing.assert_allclose(audio.stft_power(x, 9, 9, np.ones(9)),
                               torch.fft.rfft(torch.tensor(frames)).abs().numpy() ** 2, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(audio_conventions.stft_power_scaled(x, 16, 8, w), P / 16)


def test_stft_power_of_a_bin_frequency_sine_by_hand():
    # fs = 16 samples per second, n_fft 16: a sine at 3 Hz sits in bin 3; rectangular window, power (N/2)² = 64
    n = np.arange(32)
    P = audio.stft_power(np.sin(2 * np.pi * 3 * n / 16), 16, 16, np.ones(16))
    assert P.shape == (2, 9)
    np.testing.assert_allclose(P[:, 3], 64.0)
    np.testing.assert_allclose(np.delete(P, 3, axis=1), 0.0, atol=1e-20)


def test_mel_scale_hand_values_and_inverse():
    # 700 Hz is 2595·log10(2) mel; 1000 Hz is about 1000 mel on HTK's scale
    np.testing.assert_allclose(audio.hz2mel(np.array([0.0, 700.0])), [0.0, 2595 * np.log10(2)])
    assert abs(audio.hz2mel(1000.0) - 1000.0) < 0.05
    f = np.linspace(0, 8000, 17)
    np.testing.assert_allclose(audio.mel2hz(audio.hz2mel(f)), f, atol=1e-9)
    np.testing.assert_allclose(audio.hz2mel(f), 1127 * np.log(1 + f / 700), rtol=1e-5)


def test_mel_filterbank_matches_an_independent_loop():
    n_filters, n_fft, fs = 10, 512, 16000
    fb = audio.mel_filterbank(n_filters, n_fft, fs)
    top = 1127 * np.log(1 + fs / 2 / 700)
    edges = [700 * (np.exp(top * i / (n_filters + 1) / 1127) - 1) for i in range(n_filters + 2)]
    expected = np.zeros((n_filters, n_fft // 2 + 1))
    for m in range(n_filters):
        for k in range(n_fft // 2 + 1):
            f = k * fs / n_fft
            if edges[m] < f <= edges[m + 1]:
                expected[m, k] = (f - edges[m]) / (edges[m + 1] - edges[m])
            elif edges[m + 1] < f < edges[m + 2]:
                expected[m, k] = (edges[m + 2] - f) / (edges[m + 2] - edges[m + 1])
    np.testing.assert_allclose(fb, expected, atol=1e-9)
    # adjacent triangles add up to 1 between the first and the last centre (a partition of unity)
    freqs = np.arange(n_fft // 2 + 1) * fs / n_fft
    inside = (freqs >= edges[1]) & (freqs <= edges[-2])
    np.testing.assert_allclose(fb.sum(axis=0)[inside], 1.0, atol=1e-9)
    assert np.all(fb >= 0) and fb.shape == (10, 257)


def test_preemphasis_matches_scipy_lfilter(rng):
    x = rng.normal(size=50)
    np.testing.assert_allclose(audio.preemphasis(x, 0.97), scipy.signal.lfilter([1.0, -0.97], [1.0], x), atol=1e-14)


def test_mfcc_is_the_orthonormal_dct_of_the_log_mel_energies(rng):
    x = 10 * rng.normal(size=800)
    out = audio.mfcc(x, 8000, 128, 64, 20, 13, 0.97)
    power = torch.stft(torch.tensor(audio.preemphasis(x, 0.97)), n_fft=128, hop_length=64,
                       window=torch.hann_window(128, periodic=False, dtype=torch.float64), center=False,
                       return_complex=True).abs().numpy().T ** 2
    log_mel = np.log(power @ audio.mel_filterbank(20, 128, 8000).T + 1e-10)
    np.testing.assert_allclose(out, scipy.fft.dct(log_mel, type=2, norm='ortho', axis=1)[:, :13], rtol=1e-10, atol=1e-10)
    np.testing.assert_allclose(audio_conventions.mfcc_dct_unnormalised(x, 8000, 128, 64, 20, 13, 0.97),
                               scipy.fft.dct(log_mel, type=2, axis=1)[:, :13], rtol=1e-10, atol=1e-10)
    np.testing.assert_allclose(audio_conventions.mfcc_db(x, 8000, 128, 64, 20, 13, 0.97),
                               out * 10 / np.log(10), rtol=1e-8, atol=1e-8)
    # hand value: c0 of the orthonormal DCT is √N times the mean of the log mel energies
    np.testing.assert_allclose(out[:, 0], np.sqrt(20) * log_mel.mean(axis=1))


def test_mu_law_matches_a_scalar_loop_and_hand_values(rng):
    import math
    x = rng.uniform(-1, 1, size=300)
    q = audio.mu_law_encode(x)
    for xi, qi in zip(x, q):
        y = math.copysign(math.log(1 + 255 * abs(xi)) / math.log(256), xi)
        assert qi == math.floor((y + 1) / 2 * 255 + 0.5)
    assert q.dtype == np.int64 and q.min() >= 0 and q.max() <= 255
    np.testing.assert_array_equal(audio.mu_law_encode(np.array([-1.0, 0.0, 1.0])), [0, 128, 255])
    # decoding: level 0 is -1, level 255 is +1, and a round trip is within half a level of the companded signal
    np.testing.assert_allclose(audio.mu_law_decode(np.array([0, 255])), [-1.0, 1.0])
    back = audio.mu_law_decode(q)
    comp = lambda v: np.sign(v) * np.log1p(255 * np.abs(v)) / np.log1p(255)
    assert np.max(np.abs(comp(back) - comp(x))) <= 1 / 255 + 1e-12
    np.testing.assert_allclose(audio.mu_law_decode(audio.mu_law_encode(back)), back, atol=1e-12)
    assert np.all(audio_conventions.mu_law_encode_floor(x) <= q)
