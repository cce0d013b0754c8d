"""Probability distributions and estimation: PMFs, Gaussian densities, maximum likelihood, Bayes' rule.

Samples are rows: X is (N, D), one D-dimensional sample per row (the book's `xs`). Natural logarithm
throughout. The EM algorithm for Gaussian mixtures is in reference/gmm.py, naive Bayes in reference/bayes.py.
"""
from math import comb

import numpy as np


def bernoulli_pmf(x, p):
    """P(x) of the Bernoulli distribution: p for x = 1, 1 - p for x = 0.

    x: 0/1 values of any shape; p: the probability of 1. Returns an array shaped like x.
    """
    return p ** x * (1 - p) ** (1 - x)


def binomial_pmf(k, n, p):
    """P(k successes in n independent trials of success probability p) = nCk p^k (1 - p)^(n - k).

    k, n: integers (0 <= k <= n); p: a probability. Returns a scalar. comb is math.comb (nCk).
    """
    return comb(n, k) * p ** k * (1 - p) ** (n - k)


def categorical_pmf(x, p):
    """P(x) of the categorical distribution for a one-hot x: the product of p_k ** x_k, i.e. p of the hot class.

    x: (K,) or (N, K) one-hot rows; p: (K,) class probabilities. Returns a scalar or (N,).
    """
    return np.prod(p ** x, axis=-1)


def gaussian_mle(X):
    """Maximum likelihood estimates of a Gaussian's mean and covariance.

    X: (N, D) samples. Returns mu (D,) and cov (D, D). The MLE divides by N (np.var's default,
    np.cov(..., bias=True)), not by N - 1 (np.cov's default, the unbiased estimate).
    """
    N = X.shape[0]
    mu = np.mean(X, axis=0)
    cov = (X - mu).T @ (X - mu) / N
    return mu, cov


def gaussian_pdf(x, mu, sigma):
    """Density of the normal distribution N(mu, sigma^2) (ゼロから作る⑤ step01's normal).

    x: any shape (element-wise); mu: the mean; sigma: the standard deviation (not the variance).
    Returns an array shaped like x.
    """
    y = 1 / (np.sqrt(2 * np.pi) * sigma) * np.exp(-(x - mu) ** 2 / (2 * sigma ** 2))
    return y


def mvn_pdf(x, mu, cov):
    """Density of the multivariate normal N(mu, cov) at one point (ゼロから作る⑤ step05's multivariate_normal).

    x: (D,), mu: (D,), cov: (D, D) symmetric positive definite. Returns a scalar.
    """
    det = np.linalg.det(cov)
    inv = np.linalg.inv(cov)
    D = len(x)
    z = 1 / np.sqrt((2 * np.pi) ** D * det)
    y = z * np.exp((x - mu).T @ inv @ (x - mu) / -2.0)
    return y
