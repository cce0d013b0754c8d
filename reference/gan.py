"""GAN losses in NumPy: the original GAN's, WGAN-GP's critic loss and gradient penalty, the conditional GAN's
input and CycleGAN's cycle-consistency loss.

The discriminator's outputs are probabilities (after its sigmoid), one per sample: (N, 1). Losses are means over
the batch. Random draws (WGAN-GP's interpolation weights) are passed in, never drawn inside.
"""
import numpy as np


class DiscriminatorLoss:
    """The discriminator's binary cross entropy: real data labelled 1, generated data labelled 0.

    forward(d_real, d_fake): D(x) and D(G(z)), (N, 1) in (0, 1) -> scalar
        -mean(log D(x) + log(1 - D(G(z)))).
    backward(dout=1): -> (dd_real, dd_fake), each (N, 1).
    """

    def __init__(self):
        self.d_real = None
        self.d_fake = None

    def forward(self, d_real, d_fake):
        self.d_real = d_real
        self.d_fake = d_fake
        return -np.mean(np.log(d_real) + np.log(1 - d_fake))

    def backward(self, dout=1):
        batch_size = self.d_real.shape[0]
        dd_real = -dout / (self.d_real * batch_size)
        dd_fake = dout / ((1 - self.d_fake) * batch_size)
        return dd_real, dd_fake


class GeneratorLoss:
    """The generator's non-saturating loss -mean(log D(G(z))): generated data labelled 1 (real).

    forward(d_fake): D(G(z)), (N, 1) in (0, 1) -> scalar.
    backward(dout=1): -> dd_fake (N, 1).
    """

    def __init__(self):
        self.d_fake = None

    def forward(self, d_fake):
        self.d_fake = d_fake
        return -np.mean(np.log(d_fake))

    def backward(self, dout=1):
        batch_size = self.d_fake.shape[0]
        dd_fake = -dout / (self.d_fake * batch_size)
        return dd_fake


def critic_loss(d_real, d_fake):
    """WGAN's critic loss: the critic's scores (any real number) on real and generated data, (N, 1) -> scalar.

    The critic maximises D(x) - D(G(z)); the loss to minimise is mean D(G(z)) - mean D(x).
    """
    return np.mean(d_fake) - np.mean(d_real)


def interpolate(x_real, x_fake, e):
    """WGAN-GP's random points between real and generated samples.

    x_real, x_fake: (N, D) or (N, C, H, W); e: (N, 1) or (N, 1, 1, 1), uniform in [0, 1], one weight per sample.
    Returns x_hat = e * x_real + (1 - e) * x_fake, the shape of x_real.
    """
    return e * x_real + (1 - e) * x_fake


def gradient_penalty(grad_xhat, lam=10.0):
    """WGAN-GP's penalty lam * mean((||grad D(x_hat)||_2 - 1)^2), the norm taken per sample.

    grad_xhat: (N, D) or (N, C, H, W), the gradient of the critic at each x_hat -> scalar.
    """
    batch_size = grad_xhat.shape[0]
    grad = grad_xhat.reshape(batch_size, -1)
    norm = np.sqrt(np.sum(grad ** 2, axis=1))
    return lam * np.mean((norm - 1) ** 2)


class ConditionConcat:
    """The conditional GAN's input: the class label as a one-hot vector joined to the input.

    forward(x, y): x (N, Z) (G's noise or D's flat input) or (N, C, H, W) (D's image, the one-hot becomes K
    constant channels); y (N,) integer labels in [0, K) -> (N, Z + K) or (N, C + K, H, W).
    backward(dout): -> dx, the part of dout that belongs to x (labels get no gradient).
    """

    def __init__(self, num_classes):
        self.num_classes = num_classes
        self.x_channels = None

    def forward(self, x, y):
        N = x.shape[0]
        one_hot = np.zeros((N, self.num_classes), dtype=x.dtype)
        one_hot[np.arange(N), y] = 1
        if x.ndim == 4:
            H, W = x.shape[2:]
            one_hot = np.broadcast_to(one_hot[:, :, None, None], (N, self.num_classes, H, W))
        self.x_channels = x.shape[1]
        return np.concatenate([x, one_hot], axis=1)

    def backward(self, dout):
        dx = dout[:, :self.x_channels]
        return dx


class CycleConsistencyLoss:
    """CycleGAN's cycle-consistency loss lam * (mean|F(G(x)) - x| + mean|G(F(y)) - y|), with linear generators.

    G: X -> Y is x @ Wg, F: Y -> X is y @ Wf (one linear layer each, so that backward can be written out).
    Wg: (Dx, Dy), Wf: (Dy, Dx). forward(x, y): x (N, Dx), y (M, Dy) -> scalar.
    backward(dout=1): -> (dx, dy); the gradients dWg, dWf are kept as attributes.
    """

    def __init__(self, Wg, Wf, lam=10.0):
        self.Wg = Wg
        self.Wf = Wf
        self.lam = lam
        self.dWg = None
        self.dWf = None
        self.cache = None

    def forward(self, x, y):
        fake_y = x @ self.Wg
        rec_x = fake_y @ self.Wf
        fake_x = y @ self.Wf
        rec_y = fake_x @ self.Wg
        self.cache = (x, y, fake_y, rec_x, fake_x, rec_y)
        return self.lam * (np.mean(np.abs(rec_x - x)) + np.mean(np.abs(rec_y - y)))

    def backward(self, dout=1):
        x, y, fake_y, rec_x, fake_x, rec_y = self.cache
        drec_x = dout * self.lam * np.sign(rec_x - x) / x.size
        drec_y = dout * self.lam * np.sign(rec_y - y) / y.size
        # x -> G -> F
        self.dWf = fake_y.T @ drec_x
        dfake_y = drec_x @ self.Wf.T
        self.dWg = x.T @ dfake_y
        dx = dfake_y @ self.Wg.T - drec_x
        # y -> F -> G
        self.dWg += fake_x.T @ drec_y
        dfake_x = drec_y @ self.Wg.T
        self.dWf += y.T @ dfake_x
        dy = dfake_x @ self.Wf.T - drec_y
        return dx, dy
