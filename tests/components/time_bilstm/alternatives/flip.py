"""TimeBiLSTM reversing time with np.flip."""
import numpy as np
from reference.rnn import TimeLSTM


class TimeBiLSTM:
    """Bidirectional LSTM: one TimeLSTM reads xs forwards, another reads it backwards.

    xs: (N, T, D) -> (N, T, 2H): at each t the forward LSTM's h (first H) beside the backward LSTM's h.
    params / grads: the forward LSTM's [Wx1, Wh1, b1] followed by the backward LSTM's [Wx2, Wh2, b2].
    """

    def __init__(self, Wx1, Wh1, b1,
                 Wx2, Wh2, b2, stateful=False):
        self.forward_lstm = TimeLSTM(Wx1, Wh1, b1, stateful)
        self.backward_lstm = TimeLSTM(Wx2, Wh2, b2, stateful)
        self.params = self.forward_lstm.params + self.backward_lstm.params
        self.grads = self.forward_lstm.grads + self.backward_lstm.grads

    def forward(self, xs):
        o1 = self.forward_lstm.forward(xs)
        o2 = np.flip(self.backward_lstm.forward(np.flip(xs, axis=1)), axis=1)

        out = np.concatenate((o1, o2), axis=2)
        return out

    def backward(self, dhs):
        H = dhs.shape[2] // 2
        do1 = dhs[:, :, :H]
        do2 = dhs[:, :, H:]

        dxs1 = self.forward_lstm.backward(do1)
        dxs2 = np.flip(self.backward_lstm.backward(np.flip(do2, axis=1)), axis=1)
        dxs = dxs1 + dxs2
        return dxs
