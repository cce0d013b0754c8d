"""The other legitimate conventions of the generative-model drills, for their `conventions:` key.

Each stands in for one reference target and is run through the same cases; an answer that fails but behaves
exactly like one of these is told which convention it follows instead of "wrong values".
"""
import numpy as np


class VAELossMSE:
    """Negative ELBO with a Gaussian decoder: squared error summed (no 1/2) plus the KL term (with 1/2), / N."""

    def __init__(self):
        self.cache = None

    def forward(self, x, x_hat, mu, logvar):
        batch_size = x.shape[0]
        recon = np.sum((x_hat - x) ** 2)
        kl = -0.5 * np.sum(1 + logvar - mu ** 2 - np.exp(logvar))
        self.cache = (x, x_hat, mu, logvar)
        return (recon + kl) / batch_size

    def backward(self, dout=1):
        x, x_hat, mu, logvar = self.cache
        batch_size = x.shape[0]
        return (dout * 2 * (x_hat - x) / batch_size, dout * mu / batch_size,
                dout * 0.5 * (np.exp(logvar) - 1) / batch_size)


class VAELossZ5:
    """ゼロから作る⑤'s get_loss: squared error summed plus -Σ(1 + log σ² - mu² - σ²) without the 1/2, / N.

    Twice (1/2 squared error + KL): the ELBO of a decoder with variance 1/2, scaled by 2.
    """

    def __init__(self):
        self.cache = None

    def forward(self, x, x_hat, mu, logvar):
        batch_size = x.shape[0]
        recon = np.sum((x_hat - x) ** 2)
        kl = -np.sum(1 + logvar - mu ** 2 - np.exp(logvar))
        self.cache = (x, x_hat, mu, logvar)
        return (recon + kl) / batch_size

    def backward(self, dout=1):
        x, x_hat, mu, logvar = self.cache
        batch_size = x.shape[0]
        return (dout * 2 * (x_hat - x) / batch_size, dout * 2 * mu / batch_size,
                dout * (np.exp(logvar) - 1) / batch_size)


class GeneratorLossMinimax:
    """The original minimax generator loss mean(log(1 - D(G(z)))) (saturates when D rejects the fakes)."""

    def __init__(self):
        self.d_fake = None

    def forward(self, d_fake):
        self.d_fake = d_fake
        return np.mean(np.log(1 - d_fake))

    def backward(self, dout=1):
        return -dout / ((1 - self.d_fake) * self.d_fake.shape[0])


class DDPMLossPerSample:
    """The DDPM paper's ||eps - eps_theta||²: squared error summed over each image, averaged over the batch."""

    def __init__(self):
        self.diff = None

    def forward(self, eps_pred, noise):
        self.diff = eps_pred - noise
        return np.sum(self.diff ** 2) / self.diff.shape[0]

    def backward(self, dout=1):
        return dout * 2 * self.diff / self.diff.shape[0]


class DDPMLossHalfSum:
    """ゼロから作る①'s mean_squared_error: 1/2 Σ (eps_pred - noise)², not divided by anything."""

    def __init__(self):
        self.diff = None

    def forward(self, eps_pred, noise):
        self.diff = eps_pred - noise
        return 0.5 * np.sum(self.diff ** 2)

    def backward(self, dout=1):
        return dout * self.diff


def denoise_step_beta(x, t, eps_pred, alphas, alpha_bars, noise):
    """The reverse step with the DDPM paper's other variance choice sigma_t² = beta_t = 1 - alpha_t."""
    a = alphas[t - 1].reshape(-1, 1, 1, 1)
    ab = alpha_bars[t - 1].reshape(-1, 1, 1, 1)
    z = np.where((t > 1).reshape(-1, 1, 1, 1), noise, 0.0)
    mu = (x - (1 - a) / np.sqrt(1 - ab) * eps_pred) / np.sqrt(a)
    return mu + np.sqrt(1 - a) * z


def interpolate_e_on_fake(x_real, x_fake, e):
    """WGAN-GP's interpolation with the weight e on the generated sample: x_hat = e * x_fake + (1 - e) * x_real.

    e is uniform on [0, 1], so 1 - e is too: the points drawn follow the same law as the drill's e * x_real +
    (1 - e) * x_fake (Gulrajani et al. write ε·x + (1 − ε)·x̃; implementations use both).
    """
    return e * x_fake + (1 - e) * x_real
