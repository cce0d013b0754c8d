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
