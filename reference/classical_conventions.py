"""Other legitimate conventions (and named slips) of the classical-ML drills (area 2), for their `conventions:`
keys: an answer that matches one of these is told by name what it did instead of only "wrong values"."""
from reference.unsupervised import kmeans_assign


def kmeans_labels_before_update(X, init_centers, iters):
    """k-means returning the labels of the last assignment step (computed from the centres BEFORE the last update),
    as the loop `for ...: labels = assign(...); centers = update(...)` leaves them."""
    centers = init_centers.copy()
    labels = kmeans_assign(X, centers)
    for _ in range(iters):
        labels = kmeans_assign(X, centers)
        for j in range(len(centers)):
            centers[j] = X[labels == j].mean(axis=0)
    return centers, labels
