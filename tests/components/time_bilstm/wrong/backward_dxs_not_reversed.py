# expect: values
"""The backward LSTM's input gradient is not put back in time order."""
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
        o2 = self.backward_lstm.forward(xs[:, ::-1])
        o2 = o2[:, ::-1]

        out = np.concatenate((o1, o2), axis=2)
        return out

    def backward(self, dhs):
        H = dhs.shape[2] // 2
        do1 = dhs[:, :, :H]
        do2 = dhs[:, :, H:]

        dxs1 = self.forward_lstm.backward(do1)
        do2 = do2[:, ::-1]
        dxs2 = self.backward_lstm.backward(do2)
        dxs = dxs1 + dxs2
        return dxs
