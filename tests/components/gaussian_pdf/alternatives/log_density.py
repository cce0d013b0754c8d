"""Through the log density, with np.linalg.solve and slogdet instead of inv and det."""
import numpy as np


def gaussian_pdf(x, mu, sigma):
    return np.exp(-0.5 * ((x - mu) / sigma) ** 2 - np.log(sigma) - 0.5 * np.log(2 * np.pi))


def mvn_pdf(x, mu, cov):
    d = x - mu
    sign, logdet = np.linalg.slogdet(cov)
    maha = d @ np.linalg.solve(cov, d)
    return np.exp(-0.5 * (len(x) * np.log(2 * np.pi) + logdet + maha))
