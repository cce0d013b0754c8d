"""The variational autoencoder's three pieces as layers: reparameterisation, the KL term, the ELBO loss.

ゼロから作るDeep Learning ⑤ (step07/vae.py) prints them in PyTorch; these are the NumPy forms the exam shows,
with forward / backward as in ①. The encoder outputs mu and logvar = log σ² (so σ = exp(0.5 * logvar)).
The noise eps ~ N(0, I) of the reparameterisation is passed in, never drawn inside, so every run is repeatable.
Losses are summed over the latent (and data) dimensions and averaged over the batch, as ⑤'s get_loss.
"""
import numpy as np


class Reparameterize:
    """z = mu + eps * sigma with sigma = exp(0.5 * logvar): sampling made differentiable.

    forward(mu, logvar, eps): mu, logvar, eps (N, L) -> z (N, L); eps ~ N(0, 1) is given.
    backward(dz): dz (N, L) -> (dmu, dlogvar), each (N, L). No gradient flows to eps.
    """

    def __init__(self):
        self.eps = None
        self.sigma = None

    def forward(self, mu, logvar, eps):
        sigma = np.exp(0.5 * logvar)
        z = mu + eps * sigma
        self.eps = eps
        self.sigma = sigma
        return z

    def backward(self, dz):
        dmu = dz
        dsigma = dz * self.eps
        dlogvar = dsigma * 0.5 * self.sigma
        return dmu, dlogvar


class GaussianKL:
    """The VAE's regulariser KL(q(z|x) || N(0, I)) as a loss layer.

    forward(mu, logvar): mu, logvar (N, L) -> scalar (sum over L, mean over N).
    backward(dout=1): -> (dmu, dlogvar), each (N, L).
    """

    def __init__(self):
        self.mu = None
        self.logvar = None

    def forward(self, mu, logvar):
        self.mu = mu
        self.logvar = logvar
        batch_size = mu.shape[0]
        kl = -0.5 * np.sum(1 + logvar - mu ** 2 - np.exp(logvar))
        return kl / batch_size

    def backward(self, dout=1):
        batch_size = self.mu.shape[0]
        dmu = dout * self.mu / batch_size
        dlogvar = dout * 0.5 * (np.exp(self.logvar) - 1) / batch_size
        return dmu, dlogvar


class VAELoss:
    """The negative ELBO: binary cross entropy summed over the pixels plus the KL term, divided by the batch size.

    forward(x, x_hat, mu, logvar): x (N, D) data in [0, 1], x_hat (N, D) the decoder's sigmoid output
    (strictly inside (0, 1), so the logs need no guard),
    mu, logvar (N, L) -> scalar.
    backward(dout=1): -> (dx_hat, dmu, dlogvar); no gradient to the data x.
    """

    def __init__(self):
        self.cache = None

    def forward(self, x, x_hat, mu, logvar):
        batch_size = x.shape[0]
        recon = -np.sum(x * np.log(x_hat) + (1 - x) * np.log(1 - x_hat))
        kl = -0.5 * np.sum(1 + logvar - mu ** 2 - np.exp(logvar))
        self.cache = (x, x_hat, mu, logvar)
        return (recon + kl) / batch_size

    def backward(self, dout=1):
        x, x_hat, mu, logvar = self.cache
        batch_size = x.shape[0]
        dx_hat = (x_hat - x) / (x_hat * (1 - x_hat)) / batch_size
        dmu = mu / batch_size
        dlogvar = 0.5 * (np.exp(logvar) - 1) / batch_size
        return dout * dx_hat, dout * dmu, dout * dlogvar
