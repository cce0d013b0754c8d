"""Vectorised: densities of all samples at once, normalised with keepdims; einsum for the covariances."""
import numpy as np


def _mvn(xs, mu, cov):
    d = xs - mu
    maha = np.einsum("ni,ij,nj->n", d, np.linalg.inv(cov), d)
    return np.exp(-0.5 * maha) / np.sqrt((2 * np.pi) ** xs.shape[1] * np.linalg.det(cov))


def gmm(x, phis, mus, covs):
    return sum(phis[k] * _mvn(x[None], mus[k], covs[k])[0] for k in range(len(phis)))


def e_step(xs, phis, mus, covs):
    dens = np.stack([phis[k] * _mvn(xs, mus[k], covs[k]) for k in range(len(phis))], axis=1)
    return dens / dens.sum(axis=1, keepdims=True)


def m_step(xs, qs):
    Nk = qs.sum(axis=0)
    mus = (qs.T @ xs) / Nk[:, None]
    d = xs[:, None, :] - mus[None]                      # (N, K, D)
    covs = np.einsum("nk,nki,nkj->kij", qs, d, d) / Nk[:, None, None]
    return Nk / len(xs), mus, covs


def em_step(xs, phis, mus, covs):
    return m_step(xs, e_step(xs, phis, mus, covs))
