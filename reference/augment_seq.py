"""Augmentation of spectrograms, waveforms and token sequences: SpecAugment, gain / noise / pitch, EDA.

The random draws (mask positions, which words to change) are passed in, so that the transformation is what is
graded, not the random generator; each docstring says how they are drawn in training. No function writes into
its arguments.
"""
import numpy as np


# --- SpecAugment (Park et al., 2019, arXiv 1904.08779): frequency and time masking ---

def spec_augment(S, freq_masks, time_masks):
    """Zero out bands of frequency channels and blocks of time steps.

    S: (F, T) spectrogram (frequency, time), e.g. log-mel features normalised to mean 0.
    freq_masks: (n, 2) rows (f0, f): channels [f0, f0 + f) are masked; f drawn from U{0, ..., F_max},
    f0 from U{0, ..., F - f}. time_masks: (m, 2) rows (t0, t): steps [t0, t0 + t) are masked, drawn likewise
    with T_max. Returns a new (F, T) array with the masked entries set to 0.
    """
    out = S.copy()
    for f0, f in freq_masks:
        out[f0:f0 + f, :] = 0
    for t0, t in time_masks:
        out[:, t0:t0 + t] = 0
    return out


# --- waveform augmentation: volume, noise at a given SNR, pitch by resampling ---

def gain(x, db):
    """Change the volume by db decibels: an amplitude factor 10^(db / 20). x: (L,) or any shape."""
    return x * 10 ** (db / 20)


def add_noise_snr(x, snr_db, rng):
    """Add white Gaussian noise at the signal-to-noise ratio snr_db.

    The signal power is P_x = mean(x^2); the noise power P_n = P_x / 10^(snr_db / 10), so its standard deviation is
    sqrt(P_n). rng: a numpy Generator; one draw, rng.standard_normal(x.shape).
    """
    P_x = np.mean(x ** 2)
    P_n = P_x / 10 ** (snr_db / 10)
    return x + np.sqrt(P_n) * rng.standard_normal(x.shape)


def pitch_shift(x, n_steps):
    """Raise the pitch by n_steps semitones by resampling (the sound also gets shorter; negative n lowers it).

    Reads x at the times k * rate, rate = 2^(n_steps / 12), k = 0 ... floor((L - 1) / rate), by linear
    interpolation between neighbouring samples. x: (L,). Returns (floor((L - 1) / rate) + 1,).
    """
    rate = 2 ** (n_steps / 12)
    n_out = int((len(x) - 1) / rate) + 1
    t = np.arange(n_out) * rate
    return np.interp(t, np.arange(len(x)), x)


# --- EDA: easy data augmentation for text (Wei and Zou, 2019, arXiv 1901.11196) ---
# words: a list of tokens (str). Each operation returns a new list and leaves words unchanged.

def synonym_replacement(words, positions, synonyms):
    """SR: words[positions[k]] becomes synonyms[k] (the positions and a synonym of each word drawn beforehand)."""
    out = list(words)
    for i, s in zip(positions, synonyms):
        out[i] = s
    return out


def random_insertion(words, positions, new_words):
    """RI: insert new_words[k] (a synonym of a random word) before index positions[k] of the list as it is after
    the previous insertions (the paper's list.insert, one word at a time)."""
    out = list(words)
    for p, w in zip(positions, new_words):
        out.insert(p, w)
    return out


def random_swap(words, pairs):
    """RS: swap the two words of each pair (i, j), one pair after another."""
    out = list(words)
    for i, j in pairs:
        out[i], out[j] = out[j], out[i]
    return out


def random_deletion(words, p, rng):
    """RD: delete each word with probability p.

    rng: a numpy Generator; draws u = rng.random(len(words)) and keeps word i iff u[i] > p. If every word is
    deleted, one word is kept: words[rng.integers(len(words))] (a second draw, as the paper's code).
    """
    u = rng.random(len(words))
    kept = [w for w, r in zip(words, u) if r > p]
    if len(kept) == 0:
        return [words[rng.integers(len(words))]]
    return kept
