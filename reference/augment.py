"""Image data augmentation: mixup, flip and crop, random erasing, photometric changes, RandAugment.

Images are NCHW batches (N, C, H, W) or single CHW images (C, H, W), pixel values in [0, 1]. The random draws
(mixup's λ and permutation, flip flags, crop offsets, the erased box, the chosen operations) are passed in as
arguments, so that the transformation is what is graded, not the random generator: each docstring says how the
values are drawn in training. No function writes into its arguments.
"""
import numpy as np

from reference.functions import cross_entropy_error


# --- mixup (Zhang et al., 2018; mixup-cifar10 train.py mixup_data / mixup_criterion) ---

def mixup_data(x, t, lam, index):
    """Mix every example with another one of the batch.

    x: (N, ...) inputs, t: (N, K) one-hot labels.
    lam: λ in [0, 1], drawn as np.random.beta(alpha, alpha).
    index: (N,) a permutation of the batch, drawn as np.random.permutation(N): example i is mixed with index[i].
    Returns x_mix = λ x + (1 - λ) x[index] and t_mix = λ t + (1 - λ) t[index] (the same λ and pairs for both).
    """
    x_mix = lam * x + (1 - lam) * x[index]
    t_mix = lam * t + (1 - lam) * t[index]
    return x_mix, t_mix


def mixup_loss(y, t_a, t_b, lam):
    """The mixup loss from the two label sets: λ CE(y, t_a) + (1 - λ) CE(y, t_b).

    y: (N, K) predicted probabilities (softmax output), t_a: (N,) labels of the examples, t_b: (N,) labels of their
    partners (t_a[index]). Equal to the cross entropy with the mixed soft labels, since CE is linear in t.
    """
    return lam * cross_entropy_error(y, t_a) + (1 - lam) * cross_entropy_error(y, t_b)


# --- random horizontal flip and random crop with zero padding (RandomCrop(32, padding=4) + HorizontalFlip) ---

def random_flip(x, flags):
    """Flip the chosen images left-right.

    x: (N, C, H, W). flags: (N,) bool, drawn as np.random.rand(N) < 0.5; True flips image n along the width axis.
    Returns a new (N, C, H, W) array.
    """
    out = x.copy()
    out[flags] = x[flags][:, :, :, ::-1]
    return out


def random_crop(x, size, pad, tops, lefts):
    """Zero-pad every image by pad pixels on each side, then cut a size x size window out of it.

    x: (N, C, H, W). tops, lefts: (N,) offsets of the window's top-left corner in the padded image, drawn as
    np.random.randint(0, H + 2*pad - size + 1, N) and np.random.randint(0, W + 2*pad - size + 1, N).
    Returns (N, C, size, size).
    """
    out = []
    for n in range(len(x)):
        img = np.pad(x[n], [(0, 0), (pad, pad), (pad, pad)], mode='constant')
        top, left = tops[n], lefts[n]
        out.append(img[:, top:top + size, left:left + size])
    return np.array(out)


# --- random erasing (Zhong et al., 2020, arXiv 1708.04896, Algorithm 1) ---

def random_erasing(img, s, r, top, left, value):
    """Erase a rectangle of area s * H * W and aspect ratio r (height / width) at (top, left).

    img: (C, H, W). s: area ratio S_e / S, drawn as np.random.uniform(sl, sh); r: aspect ratio r_e, drawn as
    np.random.uniform(r1, 1 / r1); top, left: the corner, drawn as np.random.randint(0, H) and
    np.random.randint(0, W) until the rectangle fits (the values passed in fit). value: the fill, a scalar or
    (C, 1, 1) per channel (the paper draws random values; 0 or the dataset mean are common).
    Returns a new (C, H, W) array.
    """
    C, H, W = img.shape
    S_e = s * H * W
    h = int(np.sqrt(S_e * r))
    w = int(np.sqrt(S_e / r))
    out = img.copy()
    out[:, top:top + h, left:left + w] = value
    return out


# --- photometric changes and rotation ---

def adjust(x, alpha, beta):
    """Contrast alpha and brightness beta: alpha * x + beta, clipped to the pixel range [0, 1].

    x: any shape, values in [0, 1]. Returns an array of the same shape.
    """
    return np.clip(alpha * x + beta, 0, 1)


def add_noise(x, sigma, rng):
    """Additive Gaussian noise of standard deviation sigma (not clipped).

    x: any shape. rng: a numpy Generator; one draw, rng.standard_normal(x.shape).
    """
    return x + sigma * rng.standard_normal(x.shape)


def rotate90(x, k):
    """Rotate by k * 90 degrees counter-clockwise in the image plane (the last two axes: H, W).

    x: (N, C, H, W) or (C, H, W). Returns (..., W, H) for odd k.
    """
    return np.rot90(x, k, axes=(-2, -1))


# --- RandAugment (Cubuk et al., 2020, arXiv 1909.13719) ---
# Each operation takes an image (C, H, W) in [0, 1] and a magnitude m in [0, 1] and returns a new image.

def op_identity(img, m):
    """No change."""
    return img.copy()


def op_brightness(img, m):
    """Brighter by up to 0.5: img + 0.5 m, clipped to [0, 1]."""
    return np.clip(img + 0.5 * m, 0, 1)


def op_contrast(img, m):
    """Contrast up to 2x around the image mean, clipped to [0, 1]."""
    mean = img.mean()
    return np.clip(mean + (1 + m) * (img - mean), 0, 1)


def op_solarize(img, m):
    """Invert the pixels at or above the threshold 1 - m."""
    return np.where(img >= 1 - m, 1 - img, img)


def op_hflip(img, m):
    """Left-right flip (the magnitude is not used)."""
    return img[:, :, ::-1].copy()


AUG_OPS = [op_identity, op_brightness, op_contrast, op_solarize, op_hflip]


def randaugment(img, N, M, rng):
    """Apply N operations chosen uniformly (with replacement) from AUG_OPS, all with the same magnitude M.

    img: (C, H, W) in [0, 1]. M: magnitude on the paper's scale 0 ... 10 (m = M / 10 is passed to the operations).
    rng: a numpy Generator; one draw, rng.choice(len(AUG_OPS), N) (the same as rng.integers(0, len(AUG_OPS), N)).
    The operations are applied one after another in the order drawn.
    """
    idx = rng.choice(len(AUG_OPS), N)
    m = M / 10
    for i in idx:
        img = AUG_OPS[i](img, m)
    return img
