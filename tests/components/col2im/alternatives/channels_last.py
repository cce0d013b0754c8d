"""col2im mirroring the channels-last im2col: adds into an (N, H, W, C) image, transposed at the end."""
import numpy as np


def conv_output_size(input_size, filter_size, stride=1, pad=0):
    """Output height (or width) of a convolution or pooling: (H + 2P - FH) // S + 1."""
    return (input_size + 2 * pad - filter_size) // stride + 1


def col2im(col, input_shape, filter_h, filter_w, stride=1, pad=0):
    """The adjoint of im2col: add every row back into its window of the image.

    col: (N * out_h * out_w, C * filter_h * filter_w), laid out as im2col makes it.
    input_shape: (N, C, H, W) of the original images.
    Returns img: (N, C, H, W). Where windows overlap, their values are summed.
    As in im2col, the work image is channels last, (N, H, W, C).
    """
    N, C, H, W = input_shape
    out_h = conv_output_size(H, filter_h, stride, pad)
    out_w = conv_output_size(W, filter_w, stride, pad)
    col = col.reshape(N, out_h, out_w, C, filter_h, filter_w)

    img = np.zeros((N, H + 2 * pad + stride - 1, W + 2 * pad + stride - 1, C), dtype=col.dtype)
    for y in range(filter_h):
        y_max = y + stride * out_h
        for x in range(filter_w):
            x_max = x + stride * out_w
            img[:, y:y_max:stride, x:x_max:stride, :] += col[:, :, :, :, y, x]

    img = img[:, pad:H + pad, pad:W + pad, :]
    return img.transpose(0, 3, 1, 2)
