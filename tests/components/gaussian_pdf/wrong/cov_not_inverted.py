# expect: values
"""The quadratic form with Σ instead of Σ⁻¹."""
import numpy as np


def gaussian_pdf(x, mu, sigma):
    return 1 / (np.sqrt(2 * np.pi) * sigma) * np.exp(-(x - mu) ** 2 / (2 * sigma ** 2))


def mvn_pdf(x, mu, cov):
    z = 1 / np.sqrt((2 * np.pi) ** len(x) * np.linalg.det(cov))
    return z * np.exp((x - mu) @ cov @ (x - mu) / -2.0)
