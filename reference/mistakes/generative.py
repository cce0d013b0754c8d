"""Classic wrong answers of the generative-model drills (reference/vae.py, gan.py, diffusion.py, autoencoder.py,
flows.py, autoregressive.py), for their `mistakes:` entries. Wrong on purpose: never use one as a reference."""
import numpy as np

from reference import autoregressive, diffusion, flows, gan, vae
from reference.autoencoder import DenoisingAutoencoder


# ----------------------------------------------------------------------------------------------------------- VAE
class ReparameterizeExpLogvar(vae.Reparameterize):
    """σ taken as exp(logvar) (the variance), with the matching backward."""

    def forward(self, mu, logvar, eps):
        self.eps, self.sigma = eps, np.exp(logvar)
        return mu + eps * self.sigma

    def backward(self, dz):
        return dz, dz * self.eps * self.sigma


class ReparameterizeBackwardNoHalf(vae.Reparameterize):
    """Forward right; dlogvar = dz · eps · σ (the 0.5 of exp(0.5 logvar) forgotten)."""

    def backward(self, dz):
        return dz, dz * self.eps * self.sigma


class GaussianKLNoHalf(vae.GaussianKL):
    """−Σ(1 + logvar − μ² − exp(logvar)) / N: twice the KL."""

    def forward(self, mu, logvar):
        return 2 * super().forward(mu, logvar)

    def backward(self, dout=1):
        return super().backward(2 * dout)


class GaussianKLSignFlipped(vae.GaussianKL):
    """+½ Σ(1 + logvar − μ² − exp(logvar)) / N: the negative of the KL."""

    def forward(self, mu, logvar):
        return -super().forward(mu, logvar)

    def backward(self, dout=1):
        return super().backward(-dout)


class VAELossKLNoHalf(vae.VAELoss):
    """BCE right, the KL without its ½."""

    def forward(self, x, x_hat, mu, logvar):
        kl = -0.5 * np.sum(1 + logvar - mu ** 2 - np.exp(logvar)) / x.shape[0]
        return super().forward(x, x_hat, mu, logvar) + kl

    def backward(self, dout=1):
        dx_hat, dmu, dlogvar = super().backward(dout)
        return dx_hat, 2 * dmu, 2 * dlogvar


# ----------------------------------------------------------------------------------------------------------- GAN
class DiscriminatorLossLabelsSwapped(gan.DiscriminatorLoss):
    """Real data labelled 0 and generated data 1."""

    def forward(self, d_real, d_fake):
        return super().forward(1 - d_real, 1 - d_fake)

    def backward(self, dout=1):
        dd_real, dd_fake = super().backward(dout)
        return -dd_real, -dd_fake


class GeneratorLossFakeLabel(gan.GeneratorLoss):
    """The generator trained toward the fake label: −mean(log(1 − D(G(z))))."""

    def forward(self, d_fake):
        return super().forward(1 - d_fake)

    def backward(self, dout=1):
        return -super().backward(dout)


def gradient_penalty_batch_norm(grad_xhat, lam=10.0):
    """One norm over the whole batch instead of one per sample."""
    return lam * (np.sqrt(np.sum(grad_xhat ** 2)) - 1) ** 2


def gradient_penalty_squared_norm(grad_xhat, lam=10.0):
    """The squared norm (no square root) in place of the norm."""
    sq = np.sum(grad_xhat.reshape(grad_xhat.shape[0], -1) ** 2, axis=1)
    return lam * np.mean((sq - 1) ** 2)


class CycleLossL2(gan.CycleConsistencyLoss):
    """Mean squared error in the cycles instead of L1."""

    def forward(self, x, y):
        super().forward(x, y)
        _, _, _, rec_x, _, rec_y = self.cache
        return self.lam * (np.mean((rec_x - x) ** 2) + np.mean((rec_y - y) ** 2))

    def backward(self, dout=1):
        x, y, fake_y, rec_x, fake_x, rec_y = self.cache
        drec_x = dout * self.lam * 2 * (rec_x - x) / x.size
        drec_y = dout * self.lam * 2 * (rec_y - y) / y.size
        self.dWf = fake_y.T @ drec_x + y.T @ (drec_y @ self.Wg.T)
        self.dWg = x.T @ (drec_x @ self.Wf.T) + fake_x.T @ drec_y
        return drec_x @ self.Wf.T @ self.Wg.T - drec_x, drec_y @ self.Wg.T @ self.Wf.T - drec_y


# ------------------------------------------------------------------------------------------------------ diffusion
def beta_schedule_no_cumprod(T, beta_start=0.0001, beta_end=0.02):
    """ᾱ confused with α: alpha_bars = 1 − betas."""
    betas, alphas, _ = diffusion.beta_schedule(T, beta_start, beta_end)
    return betas, alphas, alphas.copy()


def add_noise_no_sqrt(x0, t, alpha_bars, noise):
    """ᾱ x0 + (1 − ᾱ) ε: the variances used as coefficients."""
    ab = alpha_bars[t - 1].reshape(-1, 1, 1, 1)
    return ab * x0 + (1 - ab) * noise


def _reverse(x, t, eps_pred, alphas, alpha_bars, noise, mean_div="alpha", std_sqrt=True, last_noise=False):
    a = alphas[t - 1].reshape(-1, 1, 1, 1)
    ab = alpha_bars[t - 1].reshape(-1, 1, 1, 1)
    ab_prev = alpha_bars[t - 2].reshape(-1, 1, 1, 1)
    if not last_noise:
        noise = np.where((t > 1).reshape(-1, 1, 1, 1), noise, 0.0)
    mu = (x - (1 - a) / np.sqrt(1 - ab) * eps_pred) / np.sqrt(a if mean_div == "alpha" else ab)
    var = (1 - a) * (1 - ab_prev) / (1 - ab)
    return mu + noise * (np.sqrt(var) if std_sqrt else var)


def denoise_step_noise_at_last(x, t, eps_pred, alphas, alpha_bars, noise):
    """Noise added at the last step t = 1 too."""
    return _reverse(x, t, eps_pred, alphas, alpha_bars, noise, last_noise=True)


def denoise_step_alpha_bar_divisor(x, t, eps_pred, alphas, alpha_bars, noise):
    """The mean divided by √ᾱ_t instead of √α_t."""
    return _reverse(x, t, eps_pred, alphas, alpha_bars, noise, mean_div="alpha_bar")


def denoise_step_variance_as_std(x, t, eps_pred, alphas, alpha_bars, noise):
    """The variance β̃_t used as the standard deviation (no square root)."""
    return _reverse(x, t, eps_pred, alphas, alpha_bars, noise, std_sqrt=False)


class DDPMLossGradNoTwo(diffusion.DDPMLoss):
    """The mean squared error's gradient without its factor 2."""

    def backward(self, dout=1):
        return super().backward(dout) / 2


# ------------------------------------------------------------------------------------------- autoencoder, flows
class DAENoisyTarget(DenoisingAutoencoder):
    """The reconstruction target is the corrupted input x̃ instead of the clean x."""

    def forward(self, x, noise):
        return super().forward(x + self.sigma * noise, noise * 0)


class CouplingLogdetNegative(flows.AffineCoupling):
    """logdet = −Σ s (the inverse map's log-determinant)."""

    def forward(self, x):
        y, logdet = super().forward(x)
        return y, -logdet

    def backward(self, dy, dlogdet):
        return super().backward(dy, -dlogdet)


class CouplingInverseTimesExp(flows.AffineCoupling):
    """The inverse multiplies by exp(s) again instead of dividing by it."""

    def inverse(self, y):
        d = y.shape[1] // 2
        y1, y2 = y[:, :d], y[:, d:]
        s = np.tanh(y1 @ self.Ws + self.bs)
        t = y1 @ self.Wt + self.bt
        return np.concatenate([y1, (y2 - t) * np.exp(s)], axis=1)


# ------------------------------------------------------------------------------------------------ autoregressive
def ar_sample_not_fed_back(P, x0, u):
    """Every step conditioned on the start token: the generated token never fed back."""
    x = np.zeros(u.shape, dtype=np.int64)
    for t in range(u.shape[1]):
        x[:, t] = autoregressive.ar_sample(P, x0, u[:, t:t + 1])[:, 0]
    return x


def ar_sample_greedy(P, x0, u):
    """Greedy decoding (argmax of each conditional) instead of sampling with the uniforms."""
    x = np.zeros(u.shape, dtype=np.int64)
    prev = x0
    for t in range(u.shape[1]):
        x[:, t] = np.argmax(P[prev], axis=1)
        prev = x[:, t]
    return x
