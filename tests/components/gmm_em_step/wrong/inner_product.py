# expect: values
"""z not made a column: z @ z.T of a 1-D z is the inner product (a scalar), not the outer product."""
import numpy as np

from reference.probability import mvn_pdf


def gmm(x, phis, mus, covs):
    """The mixture density p(x) = Σ_k phi_k N(x; mu_k, cov_k). x: (D,). Returns a scalar."""
    K = len(phis)
    y = 0
    for k in range(K):
        phi, mu, cov = phis[k], mus[k], covs[k]
        y += phi * mvn_pdf(x, mu, cov)
    return y


def e_step(xs, phis, mus, covs):
    """E-step: the responsibilities q(z = k | x_n) = phi_k N(x_n; mu_k, cov_k) / p(x_n).

    xs: (N, D). Returns qs (N, K), each row (one sample's posterior over the K components) summing to 1.
    """
    N, K = len(xs), len(phis)
    qs = np.zeros((N, K))
    for n in range(N):
        x = xs[n]
        for k in range(K):
            phi, mu, cov = phis[k], mus[k], covs[k]
            qs[n, k] = phi * mvn_pdf(x, mu, cov)
        qs[n] /= gmm(x, phis, mus, covs)
    return qs


def m_step(xs, qs):
    """M-step: the parameters maximising the expected log-likelihood under the responsibilities.

    xs: (N, D); qs: (N, K). Returns new arrays phis (K,) = N_k / N, mus (K, D) = Σ_n q_nk x_n / N_k and
    covs (K, D, D) = Σ_n q_nk (x_n - mu_k)(x_n - mu_k)^T / N_k, with N_k = Σ_n q_nk (the new mu_k in covs).
    """
    N, D = xs.shape
    K = qs.shape[1]
    qs_sum = qs.sum(axis=0)
    phis = qs_sum / N
    mus = np.zeros((K, D))
    covs = np.zeros((K, D, D))
    for k in range(K):
        c = 0
        for n in range(N):
            c += qs[n, k] * xs[n]
        mus[k] = c / qs_sum[k]

        c = 0
        for n in range(N):
            z = xs[n] - mus[k]
            c += qs[n, k] * z @ z.T
        covs[k] = c / qs_sum[k]
    return phis, mus, covs


def em_step(xs, phis, mus, covs):
    """One EM iteration: the E-step's responsibilities, then the M-step's new (phis, mus, covs)."""
    qs = e_step(xs, phis, mus, covs)
    return m_step(xs, qs)
