"""Weight initialisation, as in ゼロから作るDeep Learning, chapter 6.

The standard deviation of a layer's initial weights depends on n_in, the number
of inputs each unit receives (fan-in), so that activations keep their spread
from layer to layer.
"""

import numpy as np


def xavier_std(n_in):
    """Xavier (Glorot) initialisation for sigmoid and tanh: std = sqrt(1 / n_in)."""
    return np.sqrt(1.0 / n_in)


def he_std(n_in):
    """He (Kaiming) initialisation for ReLU: std = sqrt(2 / n_in)."""
    return np.sqrt(2.0 / n_in)


def init_network(layer_sizes, weight_init_std='he', rng=None, dtype=np.float64):
    """Weights of a fully connected net, as a dict {'W1', 'b1', 'W2', 'b2', ...}.

    layer_sizes: [input_size, hidden_1, ..., output_size].
    weight_init_std: 'he' (or 'relu'), 'xavier' (or 'sigmoid'), or a number used
        as the standard deviation of every layer.
    rng: a numpy Generator (np.random.default_rng() when None).
    W{i}: (layer_sizes[i-1], layer_sizes[i]) drawn from N(0, std**2); b{i}: zeros.
    """
    if rng is None:
        rng = np.random.default_rng()
    params = {}
    for i in range(1, len(layer_sizes)):
        n_in = layer_sizes[i - 1]
        if weight_init_std in ('he', 'relu'):
            std = he_std(n_in)
        elif weight_init_std in ('xavier', 'sigmoid'):
            std = xavier_std(n_in)
        elif isinstance(weight_init_std, (int, float, np.number)):  # also numpy scalars such as np.float32
            std = weight_init_std
        else:
            raise ValueError(f"weight_init_std must be 'he', 'xavier' or a number, not {weight_init_std!r}")
        params['W' + str(i)] = (std * rng.standard_normal((n_in, layer_sizes[i]))).astype(dtype)
        params['b' + str(i)] = np.zeros(layer_sizes[i], dtype=dtype)
    return params
