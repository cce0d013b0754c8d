"""reference.augment against PyTorch, hand-written loops and hand-derived values."""
import numpy as np
import pytest

from reference import augment

torch = pytest.importorskip("torch")


@pytest.fixture
def rng():
    return np.random.default_rng(0)


def test_mixup_data_matches_torch_and_hand_label(rng):
    x = rng.normal(size=(4, 2, 3, 3))
    t = np.eye(3)[[0, 1, 2, 0]]
    index = np.array([1, 2, 0, 3])
    x0 = x.copy()
    x_mix, t_mix = augment.mixup_data(x, t, 0.3, index)
    np.testing.assert_array_equal(x, x0)
    tx, tt, ti = torch.tensor(x), torch.tensor(t), torch.tensor(index)
    np.testing.assert_allclose(x_mix, (0.3 * tx + 0.7 * tx[ti]).numpy())
    np.testing.assert_allclose(t_mix, (0.3 * tt + 0.7 * tt[ti]).numpy())
    # a cat (1, 0) mixed with a dog (0, 1) at λ = 0.7 is (0.7, 0.3)
    _, label = augment.mixup_data(np.zeros((2, 1)), np.eye(2), 0.7, np.array([1, 0]))
    np.testing.assert_allclose(label[0], [0.7, 0.3])


def test_mixup_loss_matches_torch_and_soft_label_cross_entropy(rng):
    logits = rng.normal(size=(5, 4))
    y = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    t_a, t_b, lam = np.array([0, 3, 1, 1, 2]), np.array([2, 3, 0, 1, 1]), 0.35
    loss = augment.mixup_loss(y, t_a, t_b, lam)
    lt = torch.log(torch.tensor(y) + 1e-7)
    nll = torch.nn.functional.nll_loss
    expected = lam * nll(lt, torch.tensor(t_a)) + (1 - lam) * nll(lt, torch.tensor(t_b))
    np.testing.assert_allclose(loss, expected.item(), rtol=1e-12)
    soft = lam * np.eye(4)[t_a] + (1 - lam) * np.eye(4)[t_b]
    # F.cross_entropy with probability targets on log y = the soft-label cross entropy
    soft_ce = torch.nn.functional.cross_entropy(lt, torch.tensor(soft))
    np.testing.assert_allclose(loss, soft_ce.item(), rtol=1e-6)


def test_random_flip_matches_torch_flip_on_the_width_axis(rng):
    x = rng.normal(size=(4, 3, 4, 5))
    flags = np.array([True, False, False, True])
    out = augment.random_flip(x, flags)
    tx = torch.tensor(x)
    expected = torch.where(torch.tensor(flags)[:, None, None, None], torch.flip(tx, dims=[3]), tx)
    np.testing.assert_array_equal(out, expected.numpy())
    # hand value: the row [1, 2, 3] reads [3, 2, 1]
    np.testing.assert_array_equal(augment.random_flip(np.arange(1.0, 4.0).reshape(1, 1, 1, 3), np.array([True])),
                                  [[[[3.0, 2.0, 1.0]]]])


def test_random_crop_matches_torch_pad_and_slices(rng):
    x = rng.normal(size=(3, 2, 5, 6))
    tops, lefts = np.array([0, 5, 2]), np.array([6, 0, 3])
    out = augment.random_crop(x, 4, 2, tops, lefts)
    padded = torch.nn.functional.pad(torch.tensor(x), (2, 2, 2, 2), mode='constant', value=0.0).numpy()
    for n in range(3):
        np.testing.assert_array_equal(out[n], padded[n, :, tops[n]:tops[n] + 4, lefts[n]:lefts[n] + 4])
    # hand values, pad 2: window 0 at (0, 6) has padding rows 0-1 and columns 2-3 and image[0:2, 4:6] inside;
    # window 1 at (5, 0) holds image[3:5, 0:2] in its top-right and zeros elsewhere
    assert np.all(out[0, :, :2, :] == 0) and np.all(out[0, :, :, 2:] == 0)
    np.testing.assert_array_equal(out[0, :, 2:, :2], x[0, :, 0:2, 4:6])
    assert np.all(out[1, :, 2:, :] == 0) and np.all(out[1, :, :, :2] == 0)
    np.testing.assert_array_equal(out[1, :, :2, 2:], x[1, :, 3:5, 0:2])
    from reference import augment_conventions
    reflect = augment_conventions.random_crop_reflect(x, 4, 2, tops, lefts)
    expected = torch.nn.functional.pad(torch.tensor(x), (2, 2, 2, 2), mode='reflect').numpy()
    np.testing.assert_array_equal(reflect[2], expected[2, :, 2:6, 3:7])


def test_random_erasing_matches_a_pixel_loop_and_hand_sizes(rng):
    img = rng.uniform(0.1, 1.0, size=(3, 8, 10))
    before = img.copy()
    out = augment.random_erasing(img, 0.22, 1.6, 2, 6, 0.0)
    np.testing.assert_array_equal(img, before)
    # hand sizes: S_e = 0.22·80 = 17.6, h = int(√28.16) = 5, w = int(√11) = 3
    expected = img.copy()
    for c in range(3):
        for i in range(8):
            for j in range(10):
                if 2 <= i < 2 + 5 and 6 <= j < 6 + 3:
                    expected[c, i, j] = 0.0
    np.testing.assert_array_equal(out, expected)
    # per-channel fill value
    mean = np.array([0.49, 0.48, 0.45]).reshape(3, 1, 1)
    out = augment.random_erasing(img, 0.2, 0.6, 4, 0, mean)
    assert (out != img).sum() == 3 * 3 * 5
    np.testing.assert_array_equal(out[:, 4:7, 0:5], np.broadcast_to(mean, (3, 3, 5)))


def test_adjust_matches_torch_clamp_and_hand_values(rng):
    x = rng.uniform(0, 1, size=(2, 3, 4, 5))
    np.testing.assert_allclose(augment.adjust(x, 1.8, -0.4), torch.clamp(1.8 * torch.tensor(x) - 0.4, 0, 1).numpy())
    np.testing.assert_allclose(augment.adjust(np.array([0.0, 0.25, 0.5, 1.0]), 1.5, 0.2), [0.2, 0.575, 0.95, 1.0])


def test_add_noise_is_one_standard_normal_draw_times_sigma():
    x = np.full((3, 4), 0.5)
    out = augment.add_noise(x, 0.1, np.random.default_rng(7))
    np.testing.assert_allclose(out, 0.5 + 0.1 * np.random.default_rng(7).standard_normal((3, 4)))
    big = augment.add_noise(np.zeros(200000), 0.3, np.random.default_rng(1))
    assert abs(big.std() - 0.3) < 0.003 and abs(big.mean()) < 0.003


def test_rotate90_matches_torch_rot90_on_the_image_plane(rng):
    x = rng.normal(size=(2, 3, 4, 5))
    for k in range(4):
        np.testing.assert_array_equal(augment.rotate90(x, k), torch.rot90(torch.tensor(x), k, dims=[-2, -1]).numpy())
    # hand value: counter-clockwise, the top row [1, 2] becomes the left column read upwards
    np.testing.assert_array_equal(augment.rotate90(np.array([[[1, 2], [3, 4]]]), 1), [[[2, 4], [1, 3]]])


def test_randaugment_applies_the_drawn_operations_in_order(rng):
    img = rng.uniform(0, 1, size=(3, 5, 6))
    out = augment.randaugment(img, 3, 5, np.random.default_rng(7))
    idx = np.random.default_rng(7).integers(0, len(augment.AUG_OPS), 3)
    expected = img
    for i in idx:
        expected = augment.AUG_OPS[i](expected, 0.5)
    np.testing.assert_array_equal(out, expected)
    assert augment.randaugment(img, 0, 9, np.random.default_rng(0)) is img


def test_randaugment_operations_by_hand():
    img = np.array([[[0.1, 0.6, 0.9]]])
    np.testing.assert_allclose(augment.op_brightness(img, 0.4), [[[0.3, 0.8, 1.0]]])
    np.testing.assert_allclose(augment.op_solarize(img, 0.4), [[[0.1, 0.4, 0.1]]])
    np.testing.assert_allclose(augment.op_contrast(img, 1.0), [[[0.0, 1.6 / 3 + 2 * (0.6 - 1.6 / 3), 1.0]]])
    np.testing.assert_array_equal(augment.op_hflip(img, 0.3), [[[0.9, 0.6, 0.1]]])
    torch_flip = torch.flip(torch.tensor(img), dims=[2]).numpy()
    np.testing.assert_array_equal(augment.op_hflip(img, 0.0), torch_flip)
