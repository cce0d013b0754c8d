# expect: values
"""exp(-(x - mu)^2 / sigma^2): the 2 in the exponent's denominator forgotten."""
import numpy as np


def gaussian_pdf(x, mu, sigma):
    return 1 / (np.sqrt(2 * np.pi) * sigma) * np.exp(-(x - mu) ** 2 / sigma ** 2)


def mvn_pdf(x, mu, cov):
    z = 1 / np.sqrt((2 * np.pi) ** len(x) * np.linalg.det(cov))
    return z * np.exp(-((x - mu) @ np.linalg.inv(cov) @ (x - mu)))
