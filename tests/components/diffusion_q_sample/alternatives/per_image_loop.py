"""One image at a time; the schedule through exp(cumsum(log α))."""
import numpy as np


def beta_schedule(T, beta_start=0.0001, beta_end=0.02):
    betas = np.linspace(beta_start, beta_end, num=T)
    alphas = 1 - betas
    return betas, alphas, np.exp(np.cumsum(np.log(alphas)))


def add_noise(x0, t, alpha_bars, noise):
    out = np.empty_like(x0)
    for n in range(x0.shape[0]):
        ab = alpha_bars[int(t[n]) - 1]
        out[n] = np.sqrt(ab) * x0[n] + np.sqrt(1 - ab) * noise[n]
    return out
