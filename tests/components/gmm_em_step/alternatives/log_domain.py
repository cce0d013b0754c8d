"""E-step in the log domain (log-sum-exp over the components); M-step with weighted outer products."""
import numpy as np


def gmm(x, phis, mus, covs):
    total = 0.0
    for phi, mu, cov in zip(phis, mus, covs):
        d = x - mu
        total += phi * np.exp(-0.5 * d @ np.linalg.solve(cov, d)) / np.sqrt(np.linalg.det(2 * np.pi * cov))
    return total


def e_step(xs, phis, mus, covs):
    N, K = len(xs), len(phis)
    log_r = np.empty((N, K))
    for k in range(K):
        d = xs - mus[k]
        sign, logdet = np.linalg.slogdet(2 * np.pi * covs[k])
        log_r[:, k] = np.log(phis[k]) - 0.5 * logdet - 0.5 * np.sum(d @ np.linalg.inv(covs[k]) * d, axis=1)
    log_r -= log_r.max(axis=1, keepdims=True)
    r = np.exp(log_r)
    return r / r.sum(axis=1, keepdims=True)


def m_step(xs, qs):
    N, D = xs.shape
    K = qs.shape[1]
    Nk = qs.sum(axis=0)
    mus = np.array([qs[:, k] @ xs / Nk[k] for k in range(K)])
    covs = np.array([sum(qs[n, k] * np.outer(xs[n] - mus[k], xs[n] - mus[k]) for n in range(N)) / Nk[k]
                     for k in range(K)])
    return Nk / N, mus, covs


def em_step(xs, phis, mus, covs):
    qs = e_step(xs, phis, mus, covs)
    return m_step(xs, qs)
