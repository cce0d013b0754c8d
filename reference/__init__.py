"""examprep's NumPy reference implementation: the single source of truth every drill is graded against.

Modules: functions (activations, losses, numerical gradient), layers (forward/backward
layers), conv (im2col, convolution, pooling), optimizers, init (weight initialisation).
"""
