"""Data augmentation for one mini-batch: random integer shifts and small rotations, zero fill.

Each image gets its own shift (dy, dx), integers in [-max_shift, max_shift], and its own angle, uniform in
[-max_degrees, max_degrees] degrees (positive = counter-clockwise as displayed), about the image centre. Both are
applied as one inverse map with bilinear interpolation; pixels that come from outside the image are 0 (background).
With angle 0 an integer shift moves pixels exactly (no blur).
"""
import numpy as np


def transform(x, shifts, degrees):
    """x (B, C, H, W); shifts (B, 2) of (dy, dx); degrees (B,). A new array with x's dtype (integers are rounded
    and clipped to their range)."""
    x = np.asarray(x)
    if x.ndim != 4:
        raise ValueError(f"transform expects a batch (B, C, H, W), got shape {x.shape}")
    b, c, h, w = x.shape
    work = np.float64 if x.dtype == np.float64 else np.float32
    shifts = np.asarray(shifts, dtype=work).reshape(b, 2)
    theta = np.deg2rad(np.asarray(degrees, dtype=np.float64).reshape(b))
    cos = np.cos(theta).astype(work)[:, None, None]
    sin = np.sin(theta).astype(work)[:, None, None]
    cy, cx = (h - 1) / 2.0, (w - 1) / 2.0
    # Output pixel (y, x) -> coordinates relative to the centre, minus the shift, rotated back. cos(0) and sin(0)
    # are exact and half-integers are exact in binary, so with no rotation an integer shift lands exactly on pixel
    # centres.
    v = np.arange(h, dtype=work)[None, :, None] - work(cy) - shifts[:, 0, None, None]
    u = np.arange(w, dtype=work)[None, None, :] - work(cx) - shifts[:, 1, None, None]
    src_x = cos * u - sin * v + work(cx)
    src_y = sin * u + cos * v + work(cy)
    x0 = np.floor(src_x)
    y0 = np.floor(src_y)
    fx = src_x - x0
    fy = src_y - y0
    x0 = x0.astype(np.int64)
    y0 = y0.astype(np.int64)
    # Per axis: the two neighbours' weights (0 outside the image: zero fill) and clipped indices.
    wx = ((1 - fx) * ((x0 >= 0) & (x0 < w)), fx * ((x0 >= -1) & (x0 < w - 1)))
    wy = ((1 - fy) * ((y0 >= 0) & (y0 < h)), fy * ((y0 >= -1) & (y0 < h - 1)))
    ix = (np.clip(x0, 0, w - 1), np.clip(x0 + 1, 0, w - 1))
    iy = (np.clip(y0, 0, h - 1) * w, np.clip(y0 + 1, 0, h - 1) * w)
    pixels = x.reshape(b, c, h * w).transpose(0, 2, 1)            # (B, H*W, C), a view
    rows = np.arange(b)[:, None]
    out = np.zeros((b, h * w, c), dtype=work)
    for a in (0, 1):
        for d in (0, 1):
            weight = (wy[a] * wx[d]).reshape(b, h * w, 1)
            out += weight * pixels[rows, (iy[a] + ix[d]).reshape(b, h * w)]
    out = np.ascontiguousarray(out.transpose(0, 2, 1)).reshape(b, c, h, w)
    if np.issubdtype(x.dtype, np.integer):
        info = np.iinfo(x.dtype)
        return np.clip(np.rint(out), info.min, info.max).astype(x.dtype)
    return out.astype(x.dtype, copy=False)


def augment(x, rng, max_shift=2, max_degrees=10.0):
    """A randomly shifted and rotated copy of the batch x (B, C, H, W) (or (B, H, W)), same shape and dtype.
    rng: a numpy Generator. max_shift in pixels (integer), max_degrees in degrees; 0 turns either off."""
    x = np.asarray(x)
    squeeze = x.ndim == 3
    batch = x[:, None] if squeeze else x
    if batch.ndim != 4:
        raise ValueError(f"augment expects (B, C, H, W) or (B, H, W), got shape {x.shape}")
    b = batch.shape[0]
    max_shift = int(max_shift)
    if max_shift < 0 or max_degrees < 0:
        raise ValueError("max_shift and max_degrees must be >= 0")
    shifts = rng.integers(-max_shift, max_shift + 1, size=(b, 2)) if max_shift else np.zeros((b, 2))
    degrees = rng.uniform(-max_degrees, max_degrees, size=b) if max_degrees else np.zeros(b)
    out = transform(batch, shifts, degrees)
    return out[:, 0] if squeeze else out
