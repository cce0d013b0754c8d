"""reference.detection against plainly written loops and hand-derived values (no torchvision: see issue 15)."""
import numpy as np
import pytest

from reference import detection, detection_conventions


def random_boxes(rng, n, size=30.0):
    xy = rng.uniform(0, size, size=(n, 2))
    wh = rng.uniform(1.0, size / 2, size=(n, 2))
    return np.c_[xy, xy + wh]


def loop_iou(a, b, plus=0.0):
    """IoU of two boxes, written out."""
    iw = max(0.0, min(a[2], b[2]) - max(a[0], b[0]) + plus)
    ih = max(0.0, min(a[3], b[3]) - max(a[1], b[1]) + plus)
    inter = iw * ih
    area_a = (a[2] - a[0] + plus) * (a[3] - a[1] + plus)
    area_b = (b[2] - b[0] + plus) * (b[3] - b[1] + plus)
    return inter / (area_a + area_b - inter)


def loop_nms(dets, thresh, suppress_equal=False):
    """Greedy NMS written with Python lists: visit the boxes by descending score, keep one unless a kept box
    overlaps it above the threshold."""
    order = sorted(range(len(dets)), key=lambda k: -dets[k][4])
    keep = []
    for k in order:
        too_close = [loop_iou(dets[k], dets[j]) >= thresh if suppress_equal else loop_iou(dets[k], dets[j]) > thresh
                     for j in keep]
        if not any(too_close):
            keep.append(k)
    return keep


@pytest.mark.parametrize("seed", range(5))
def test_iou_matches_loop(seed):
    rng = np.random.default_rng(seed)
    boxes = random_boxes(rng, 12)
    box = boxes[0]
    expected = [loop_iou(box, b) for b in boxes]
    np.testing.assert_allclose(detection.iou(box, boxes), expected, rtol=1e-12)
    expected1 = [loop_iou(box, b, plus=1.0) for b in boxes]
    np.testing.assert_allclose(detection_conventions.iou_plus_one(box, boxes), expected1, rtol=1e-12)


def test_iou_hand_values():
    box = np.array([0.0, 0.0, 2.0, 2.0])
    boxes = np.array([[1.0, 1.0, 3.0, 3.0], [0.0, 0.0, 2.0, 2.0], [3.0, 3.0, 4.0, 4.0], [0.0, 0.0, 4.0, 2.0]])
    # 1 / (4 + 4 - 1), identical, apart in x and y (unclamped this would be (-1)(-1) = 1), half
    np.testing.assert_allclose(detection.iou(box, boxes), [1 / 7, 1.0, 0.0, 0.5])


@pytest.mark.parametrize("seed", range(8))
def test_nms_matches_loop(seed):
    rng = np.random.default_rng(seed)
    n = 15
    dets = np.c_[random_boxes(rng, n, size=20.0), rng.permutation(n) / n + 0.01]
    for thresh in (0.1, 0.3, 0.5, 0.7):
        keep = detection.nms(dets, thresh)
        assert [int(k) for k in keep] == loop_nms(dets, thresh)
        assert [int(k) for k in detection_conventions.nms_suppress_at_threshold(dets, thresh)] \
            == loop_nms(dets, thresh, suppress_equal=True)


def test_nms_keeps_a_box_at_exactly_the_threshold():
    dets = np.array([[0.0, 0.0, 4.0, 2.0, 0.9], [0.0, 0.0, 2.0, 2.0, 0.8]])     # IoU exactly 0.5
    assert [int(k) for k in detection.nms(dets, 0.5)] == [0, 1]
    assert [int(k) for k in detection_conventions.nms_suppress_at_threshold(dets, 0.5)] == [0]


@pytest.mark.parametrize("seed", range(4))
def test_bbox_encode_decode_round_trip_and_loop(seed):
    rng = np.random.default_rng(seed)
    anchors, gt = random_boxes(rng, 10), random_boxes(rng, 10)
    deltas = detection.bbox_encode(anchors, gt)
    np.testing.assert_allclose(detection.bbox_decode(anchors, deltas), gt, rtol=1e-12, atol=1e-12)
    for a, g, d in zip(anchors, gt, deltas):
        wa, ha, w, h = a[2] - a[0], a[3] - a[1], g[2] - g[0], g[3] - g[1]
        expected = [((g[0] + g[2]) / 2 - (a[0] + a[2]) / 2) / wa, ((g[1] + g[3]) / 2 - (a[1] + a[3]) / 2) / ha,
                    np.log(w / wa), np.log(h / ha)]
        np.testing.assert_allclose(d, expected, rtol=1e-12, atol=1e-12)
    # the +1-pixel convention is its own inverse pair too
    d1 = detection_conventions.bbox_encode_plus_one(anchors, gt)
    np.testing.assert_allclose(detection_conventions.bbox_decode_plus_one(anchors, d1), gt, rtol=1e-12, atol=1e-12)


def test_bbox_encode_hand_value():
    # anchor centre (8, 8) size 16x16; box centre (12, 6) size 32x8
    d = detection.bbox_encode(np.array([[0.0, 0.0, 16.0, 16.0]]), np.array([[-4.0, 2.0, 28.0, 10.0]]))
    np.testing.assert_allclose(d, [[4 / 16, -2 / 16, np.log(2.0), np.log(0.5)]])


def loop_anchors(base, ratios, scales, stride, H, W, offset=0.5):
    out = []
    for i in range(H):
        for j in range(W):
            for r in ratios:
                for s in scales:
                    w, h = base * s / np.sqrt(r), base * s * np.sqrt(r)
                    cx, cy = (j + offset) * stride, (i + offset) * stride
                    out.append([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2])
    return np.array(out)


@pytest.mark.parametrize("H, W", [(2, 3), (3, 1), (1, 1)])
def test_make_anchors_order_sizes_and_centres(H, W):
    ratios, scales = np.array([0.5, 1.0, 2.0]), np.array([1.0, 2.0])
    anchors = detection.make_anchors(16, ratios, scales, 16, H, W)
    np.testing.assert_allclose(anchors, loop_anchors(16, ratios, scales, 16, H, W), rtol=1e-12)
    np.testing.assert_allclose(detection_conventions.make_anchors_corner_centres(16, ratios, scales, 16, H, W),
                               loop_anchors(16, ratios, scales, 16, H, W, offset=0.0), rtol=1e-12)
    w, h = anchors[:, 2] - anchors[:, 0], anchors[:, 3] - anchors[:, 1]
    np.testing.assert_allclose(h / w, np.tile(np.repeat(ratios, 2), H * W))         # ratio h / w, ratio outer
    np.testing.assert_allclose(np.sqrt(w * h), np.tile(np.tile(16 * scales, 3), H * W))   # area (base s)^2
