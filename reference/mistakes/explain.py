"""Classic wrong answers of the explainability drills (reference/explain.py), for their `mistakes:` entries."""
import numpy as np


def grad_cam_no_relu(A, dYc_dA):
    """Grad-CAM without the ReLU: regions that lower the class score are kept (negative values)."""
    return np.tensordot(dYc_dA.mean(axis=(1, 2)), A, axes=1)


def grad_cam_gradient_times_activation(A, dYc_dA):
    """Σ_k dY/dA_k ⊙ A_k per pixel (gradient × activation) instead of weights averaged over the map first."""
    return np.maximum(0, np.sum(dYc_dA * A, axis=0))


def integrated_gradients_no_delta(x, baseline, grad_fn, m=50):
    """The average path gradient without the factor (x - baseline)."""
    return sum(grad_fn(baseline + (k / m) * (x - baseline)) for k in range(1, m + 1)) / m


def integrated_gradients_gradient_at_x(x, baseline, grad_fn, m=50):
    """(x - baseline) times the gradient at x only: gradient × input, no path."""
    return (x - baseline) * grad_fn(x)
