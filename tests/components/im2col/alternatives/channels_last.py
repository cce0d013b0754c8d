"""im2col filling the result's own layout (N, out_h, out_w, C, FH, FW) from a channels-last image: no final transposing copy (examprep's earlier reference, the speed form)."""
import numpy as np


def conv_output_size(input_size, filter_size, stride=1, pad=0):
    """Output height (or width) of a convolution or pooling: (H + 2P - FH) // S + 1."""
    return (input_size + 2 * pad - filter_size) // stride + 1


def im2col(input_data, filter_h, filter_w, stride=1, pad=0):
    """Unroll every filter-sized window of the images into one row.

    input_data: (N, C, H, W).
    Returns col: (N * out_h * out_w, C * filter_h * filter_w); row n*out_h*out_w +
    i*out_w + j holds the window at output position (i, j) of image n, ordered
    channel first, then filter row, then filter column. Keeps the input's dtype.

    The work array is made in the result's own layout, (N, out_h, out_w, C,
    filter_h, filter_w), and the image is read channels last, (N, H, W, C), in
    the same order, so the final reshape copies nothing. (The book fills
    (N, C, filter_h, filter_w, out_h, out_w) and transposes at the end: the same
    result, but that transposing copy moves 3 numbers at a time and is slow.)
    """
    N, C, H, W = input_data.shape
    out_h = conv_output_size(H, filter_h, stride, pad)
    out_w = conv_output_size(W, filter_w, stride, pad)

    img = input_data.transpose(0, 2, 3, 1)
    img = np.pad(img, [(0, 0), (pad, pad), (pad, pad), (0, 0)], 'constant')
    col = np.zeros((N, out_h, out_w, C, filter_h, filter_w), dtype=input_data.dtype)

    for y in range(filter_h):
        y_max = y + stride * out_h
        for x in range(filter_w):
            x_max = x + stride * out_w
            col[:, :, :, :, y, x] = img[:, y:y_max:stride, x:x_max:stride, :]

    col = col.reshape(N * out_h * out_w, -1)
    return col
