"""Python lists: sorted() by descending score, a list comprehension drops the suppressed boxes."""


def nms(dets, thresh):
    def overlap(a, b):
        iw = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
        ih = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
        inter = iw * ih
        return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter)

    order = sorted(range(len(dets)), key=lambda k: -dets[k][4])
    keep = []
    while order:
        i = order.pop(0)
        keep.append(i)
        order = [j for j in order if overlap(dets[i], dets[j]) <= thresh]
    return keep
