"""The other conventions of reference.metric_learning, for the drills' `conventions:` key.

Contrastive loss: Hadsell et al. label a similar pair Y = 0 (the drill: y = 1 similar, as most code), and many
implementations leave out the ½. Triplet loss: PyTorch's F.triplet_margin_loss uses Euclidean (not squared)
distances. NT-Xent: some implementations average the loss over N pairs summing both directions (the same value);
that one passes, so only the other conventions are listed here.
"""
import numpy as np

from reference.metric_learning import ContrastiveLoss, TripletLoss


class ContrastiveLossHadsellLabels(ContrastiveLoss):
    """y = 0 marks a similar pair, y = 1 a dissimilar one (the paper's Y)."""
    def forward(self, x1, x2, y):
        return super().forward(x1, x2, 1 - y)


class ContrastiveLossNoHalf(ContrastiveLoss):
    """Without the ½: mean[ y d² + (1 − y) max(0, m − d)² ]."""
    def forward(self, x1, x2, y):
        return 2 * super().forward(x1, x2, y)

    def backward(self, dout=1):
        return super().backward(2 * dout)


class TripletLossEuclidean(TripletLoss):
    """PyTorch's F.triplet_margin_loss (p = 2): max(0, ‖a − p‖ − ‖a − n‖ + margin), distances not squared."""
    def forward(self, a, p, n):
        d_ap = np.sqrt(np.sum((a - p) ** 2, axis=1))
        d_an = np.sqrt(np.sum((a - n) ** 2, axis=1))
        losses = np.maximum(0, d_ap - d_an + self.margin)
        self.cache = (a, p, n, losses > 0, d_ap, d_an)
        return np.mean(losses)

    def backward(self, dout=1):
        a, p, n, active, d_ap, d_an = self.cache
        coef = dout * active[:, None] / len(a)
        dp = coef * (-(a - p) / d_ap[:, None])
        dn = coef * ((a - n) / d_an[:, None])
        return -(dp + dn), dp, dn


class TripletLossSum(TripletLoss):
    """FaceNet's Σ over the triplets instead of the mean."""
    def forward(self, a, p, n):
        return len(a) * super().forward(a, p, n)

    def backward(self, dout=1):
        a = self.cache[0]
        return super().backward(len(a) * dout)
