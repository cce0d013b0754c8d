"""Correctness of reference/rnn.py (RNN, LSTM, GRU and their Time layers) against PyTorch.

Cells: float64, forward and every gradient against torch to 1e-10: nn.RNNCell, and nn.LSTMCell / nn.LSTM with
the book's gate order (f, g, i, o) mapped to PyTorch's (i, f, g, o). The GRU is checked against autograd of the
book's formula: nn.GRUCell cannot be mapped onto it (PyTorch applies the reset gate after the hidden matrix
product, r * (h·Whh + b_hn), where the book and Cho et al. multiply first, (r * h)·Whh; and PyTorch's z is the
book's 1 − z); a test pins that difference so nobody "fixes" the reference towards nn.GRUCell.
Time layers: the book allocates hs and dxs as float32 (dtype='f'), so those are compared to 1e-6 relative;
the parameter gradients are accumulated in float64 and compared to 1e-10.
"""
import numpy as np
import pytest
from gradcheck import close, num_grad, rel_err

from reference.rnn import GRU, LSTM, RNN, TimeBiLSTM, TimeGRU, TimeLSTM, TimeRNN

F32 = 1e-6  # relative tolerance for the book's float32 buffers

# book gate blocks f, g, i, o -> PyTorch order i, f, g, o
TORCH_FROM_BOOK = [2, 0, 1, 3]


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


def f32close(a, b):
    assert rel_err(a, b) < F32, rel_err(a, b)


def to_torch_gates(W, H):
    """Book (.., 4H) columns f, g, i, o -> PyTorch (4H, ..) rows i, f, g, o."""
    blocks = [W[..., k * H:(k + 1) * H] for k in range(4)]
    return np.concatenate([blocks[k] for k in TORCH_FROM_BOOK], axis=-1).T


def from_torch_gates(G, H):
    """PyTorch (4H, ..) rows i, f, g, o -> book (.., 4H) columns f, g, i, o."""
    G = G.T
    blocks = {book: G[..., pos * H:(pos + 1) * H] for pos, book in enumerate(TORCH_FROM_BOOK)}
    return np.concatenate([blocks[k] for k in range(4)], axis=-1)


def _params(rng, D, H, gates):
    return (rng.standard_normal((D, gates * H)) * 0.5, rng.standard_normal((H, gates * H)) * 0.5,
            rng.standard_normal(gates * H) * 0.5)


CELL_SHAPES = [(1, 1, 1), (3, 4, 2), (2, 3, 5), (5, 2, 3)]  # N, D, H


# --------------------------------------------------------------------------- RNN cell

@pytest.mark.torch
@pytest.mark.parametrize("N, D, H", CELL_SHAPES)
def test_rnn_cell_vs_torch(torch, N, D, H):
    rng = np.random.default_rng(N * 100 + D * 10 + H)
    Wx, Wh, b = _params(rng, D, H, 1)
    x, h, dh = rng.standard_normal((N, D)), rng.standard_normal((N, H)), rng.standard_normal((N, H))
    layer = RNN(Wx, Wh, b)
    out = layer.forward(x, h)
    dx, dh_prev = layer.backward(dh)

    cell = torch.nn.RNNCell(D, H, dtype=torch.float64)
    with torch.no_grad():
        cell.weight_ih.copy_(torch.tensor(Wx.T))
        cell.weight_hh.copy_(torch.tensor(Wh.T))
        cell.bias_ih.copy_(torch.tensor(b))
        cell.bias_hh.zero_()
    tx = torch.tensor(x, requires_grad=True)
    th = torch.tensor(h, requires_grad=True)
    tout = cell(tx, th)
    tout.backward(torch.tensor(dh))
    close(out, tout.detach().numpy())
    close(dx, tx.grad.numpy())
    close(dh_prev, th.grad.numpy())
    close(layer.grads[0], cell.weight_ih.grad.numpy().T)
    close(layer.grads[1], cell.weight_hh.grad.numpy().T)
    close(layer.grads[2], cell.bias_ih.grad.numpy())


def test_cells_write_grads_in_place():
    rng = np.random.default_rng(0)
    for cls, gates, extra in ((RNN, 1, 0), (GRU, 3, 0), (LSTM, 4, 1)):
        Wx, Wh, b = _params(rng, 3, 2, gates)
        layer = cls(Wx, Wh, b)
        held = list(layer.grads)
        state = [rng.standard_normal((4, 2)) for _ in range(1 + extra)]
        layer.forward(rng.standard_normal((4, 3)), *state)
        layer.backward(*[rng.standard_normal((4, 2)) for _ in range(1 + extra)])
        assert all(g is h for g, h in zip(layer.grads, held))
        assert all(np.any(g != 0) for g in held)
        assert layer.params[0] is Wx and layer.params[1] is Wh and layer.params[2] is b


# --------------------------------------------------------------------------- LSTM cell

@pytest.mark.torch
@pytest.mark.parametrize("N, D, H", CELL_SHAPES)
def test_lstm_cell_vs_torch_with_gate_order_mapped(torch, N, D, H):
    rng = np.random.default_rng(N * 100 + D * 10 + H + 1)
    Wx, Wh, b = _params(rng, D, H, 4)
    x, h, c = (rng.standard_normal(s) for s in ((N, D), (N, H), (N, H)))
    dh, dc = rng.standard_normal((N, H)), rng.standard_normal((N, H))
    layer = LSTM(Wx, Wh, b)
    h_next, c_next = layer.forward(x, h, c)
    dx, dh_prev, dc_prev = layer.backward(dh, dc)

    cell = torch.nn.LSTMCell(D, H, dtype=torch.float64)
    with torch.no_grad():
        cell.weight_ih.copy_(torch.tensor(to_torch_gates(Wx, H)))
        cell.weight_hh.copy_(torch.tensor(to_torch_gates(Wh, H)))
        cell.bias_ih.copy_(torch.tensor(to_torch_gates(b[None], H)[:, 0]))
        cell.bias_hh.zero_()
    tx, th, tc = (torch.tensor(a, requires_grad=True) for a in (x, h, c))
    t_h, t_c = cell(tx, (th, tc))
    torch.autograd.backward([t_h, t_c], [torch.tensor(dh), torch.tensor(dc)])
    close(h_next, t_h.detach().numpy())
    close(c_next, t_c.detach().numpy())
    close(dx, tx.grad.numpy())
    close(dh_prev, th.grad.numpy())
    close(dc_prev, tc.grad.numpy())
    close(layer.grads[0], from_torch_gates(cell.weight_ih.grad.numpy(), H))
    close(layer.grads[1], from_torch_gates(cell.weight_hh.grad.numpy(), H))
    close(layer.grads[2], from_torch_gates(cell.bias_ih.grad.numpy()[:, None], H)[0])


def test_lstm_gate_order_is_f_g_i_o():
    # Only the forget gate's block open (f = 1, i = 0, o = 1): c_next = c_prev, h_next = tanh(c_prev).
    H = 2
    big = 50.0
    b = np.concatenate([np.full(H, big), np.zeros(H), np.full(H, -big), np.full(H, big)])
    layer = LSTM(np.zeros((1, 4 * H)), np.zeros((H, 4 * H)), b)
    c = np.array([[0.3, -0.7]])
    h_next, c_next = layer.forward(np.ones((1, 1)), np.zeros((1, H)), c)
    np.testing.assert_allclose(c_next, c, atol=1e-12)
    np.testing.assert_allclose(h_next, np.tanh(c), atol=1e-12)


# --------------------------------------------------------------------------- GRU cell

def torch_gru_book(torch, x, h, Wx, Wh, b):
    H = Wh.shape[0]
    sig = torch.sigmoid
    z = sig(x @ Wx[:, :H] + h @ Wh[:, :H] + b[:H])
    r = sig(x @ Wx[:, H:2 * H] + h @ Wh[:, H:2 * H] + b[H:2 * H])
    h_hat = torch.tanh(x @ Wx[:, 2 * H:] + (r * h) @ Wh[:, 2 * H:] + b[2 * H:])
    return (1 - z) * h + z * h_hat


@pytest.mark.torch
@pytest.mark.parametrize("N, D, H", CELL_SHAPES)
def test_gru_cell_vs_torch_autograd(torch, N, D, H):
    rng = np.random.default_rng(N * 100 + D * 10 + H + 2)
    Wx, Wh, b = _params(rng, D, H, 3)
    x, h, dh = rng.standard_normal((N, D)), rng.standard_normal((N, H)), rng.standard_normal((N, H))
    layer = GRU(Wx, Wh, b)
    out = layer.forward(x, h)
    dx, dh_prev = layer.backward(dh)
    ts = [torch.tensor(a, requires_grad=True) for a in (x, h, Wx, Wh, b)]
    tout = torch_gru_book(torch, *ts)
    tout.backward(torch.tensor(dh))
    close(out, tout.detach().numpy())
    close(dx, ts[0].grad.numpy())
    close(dh_prev, ts[1].grad.numpy())
    for mine, t in zip(layer.grads, ts[2:]):
        close(mine, t.grad.numpy())


@pytest.mark.torch
def test_gru_is_not_torch_grucell(torch):
    # z ↔ 1 − z can be mapped (negate the z pre-activation), the reset gate's placement cannot.
    rng = np.random.default_rng(7)
    N, D, H = 3, 4, 3
    Wx, Wh, b = _params(rng, D, H, 3)
    x, h = rng.standard_normal((N, D)), rng.standard_normal((N, H))
    cell = torch.nn.GRUCell(D, H, dtype=torch.float64)
    sign = np.concatenate([np.full(H, -1.0), np.ones(2 * H)])  # torch z = book's 1 − z
    order = np.r_[H:2 * H, 0:H, 2 * H:3 * H]                    # torch rows r, z, n
    with torch.no_grad():
        cell.weight_ih.copy_(torch.tensor((Wx * sign)[:, order].T))
        cell.weight_hh.copy_(torch.tensor((Wh * sign)[:, order].T))
        cell.bias_ih.copy_(torch.tensor((b * sign)[order]))
        cell.bias_hh.zero_()
        t_out = cell(torch.tensor(x), torch.tensor(h)).numpy()
        # with the reset gate fixed open (r = 1) the two agree: only its placement differs
        open_r = GRU(Wx.copy(), Wh.copy(), b.copy())
        open_r.params[2][H:2 * H] = 60.0
        cell.bias_ih[:H] = 60.0
        t_open = cell(torch.tensor(x), torch.tensor(h)).numpy()
    assert rel_err(GRU(Wx, Wh, b).forward(x, h), t_out) > 1e-3
    close(open_r.forward(x, h), t_open)


def test_gru_update_gate_convention():
    # z = 1 (bias +50 on the z block) takes the candidate h_hat; the book's h_next = (1 − z)·h_prev + z·h_hat.
    H = 2
    b = np.concatenate([np.full(H, 50.0), np.zeros(H), np.zeros(H)])
    layer = GRU(np.zeros((1, 3 * H)), np.zeros((H, 3 * H)), b)
    h = np.array([[0.4, -0.9]])
    np.testing.assert_allclose(layer.forward(np.ones((1, 1)), h), 0.0, atol=1e-12)  # h_hat = tanh(0)


# --------------------------------------------------------------------------- Time layers

def _sequence(rng, N, T, D, H, gates):
    Wx, Wh, b = _params(rng, D, H, gates)
    return Wx, Wh, b, rng.standard_normal((N, T, D)), rng.standard_normal((N, T, H))


def torch_time(torch, step, xs, h0, c0=None):
    hs, h, c = [], h0, c0
    for t in range(xs.shape[1]):
        if c is None:
            h = step(xs[:, t], h)
        else:
            h, c = step(xs[:, t], h, c)
        hs.append(h)
    return torch.stack(hs, dim=1)


def torch_rnn_step(torch, Wx, Wh, b):
    return lambda x, h: torch.tanh(h @ Wh + x @ Wx + b)


def torch_lstm_step(torch, Wx, Wh, b):
    H = Wh.shape[0]

    def step(x, h, c):
        A = x @ Wx + h @ Wh + b
        f, g = torch.sigmoid(A[:, :H]), torch.tanh(A[:, H:2 * H])
        i, o = torch.sigmoid(A[:, 2 * H:3 * H]), torch.sigmoid(A[:, 3 * H:])
        c = f * c + g * i
        return o * torch.tanh(c), c
    return step


TIME_SHAPES = [(1, 1, 2, 3), (2, 5, 3, 4), (3, 4, 1, 2)]  # N, T, D, H
TIME = {"rnn": (TimeRNN, 1), "lstm": (TimeLSTM, 4), "gru": (TimeGRU, 3)}


def _torch_step(torch, name, Wx, Wh, b):
    if name == "rnn":
        return torch_rnn_step(torch, Wx, Wh, b)
    if name == "lstm":
        return torch_lstm_step(torch, Wx, Wh, b)
    return lambda x, h: torch_gru_book(torch, x, h, Wx, Wh, b)


@pytest.mark.torch
@pytest.mark.parametrize("name", list(TIME))
@pytest.mark.parametrize("N, T, D, H", TIME_SHAPES)
def test_time_layer_vs_torch(torch, name, N, T, D, H):
    cls, gates = TIME[name]
    rng = np.random.default_rng(N * 1000 + T * 100 + D * 10 + H + gates)
    Wx, Wh, b, xs, dhs = _sequence(rng, N, T, D, H, gates)
    layer = cls(Wx, Wh, b)
    hs = layer.forward(xs)
    dxs = layer.backward(dhs)
    assert hs.dtype == np.float32 and dxs.dtype == np.float32  # the book's dtype='f' buffers

    ts = [torch.tensor(a, requires_grad=True) for a in (xs, Wx, Wh, b)]
    h0 = torch.zeros((N, H), dtype=torch.float64, requires_grad=True)
    c0 = torch.zeros((N, H), dtype=torch.float64, requires_grad=True) if name == "lstm" else None
    t_hs = torch_time(torch, _torch_step(torch, name, *ts[1:]), ts[0], h0, c0)
    t_hs.backward(torch.tensor(dhs))
    f32close(hs, t_hs.detach().numpy())
    f32close(dxs, ts[0].grad.numpy())
    for mine, t in zip(layer.grads, ts[1:]):
        close(mine, t.grad.numpy())
    close(layer.dh, h0.grad.numpy())


@pytest.mark.torch
@pytest.mark.parametrize("N, T, D, H", TIME_SHAPES)
def test_time_lstm_vs_nn_lstm(torch, N, T, D, H):
    rng = np.random.default_rng(N + T + D + H)
    Wx, Wh, b, xs, dhs = _sequence(rng, N, T, D, H, 4)
    layer = TimeLSTM(Wx, Wh, b)
    hs = layer.forward(xs)
    dxs = layer.backward(dhs)
    lstm = torch.nn.LSTM(D, H, batch_first=True, dtype=torch.float64)
    with torch.no_grad():
        lstm.weight_ih_l0.copy_(torch.tensor(to_torch_gates(Wx, H)))
        lstm.weight_hh_l0.copy_(torch.tensor(to_torch_gates(Wh, H)))
        lstm.bias_ih_l0.copy_(torch.tensor(to_torch_gates(b[None], H)[:, 0]))
        lstm.bias_hh_l0.zero_()
    tx = torch.tensor(xs, requires_grad=True)
    t_hs, _ = lstm(tx)
    t_hs.backward(torch.tensor(dhs))
    f32close(hs, t_hs.detach().numpy())
    f32close(dxs, tx.grad.numpy())
    close(layer.grads[0], from_torch_gates(lstm.weight_ih_l0.grad.numpy(), H))
    close(layer.grads[1], from_torch_gates(lstm.weight_hh_l0.grad.numpy(), H))


@pytest.mark.parametrize("name", list(TIME))
def test_stateful_carries_state_and_reset_forgets(name):
    cls, gates = TIME[name]
    rng = np.random.default_rng(11)
    Wx, Wh, b, xs, _ = _sequence(rng, 2, 6, 3, 4, gates)
    whole = cls(Wx, Wh, b).forward(xs)
    layer = cls(Wx, Wh, b, stateful=True)
    first, second = layer.forward(xs[:, :3]), layer.forward(xs[:, 3:])
    f32close(np.concatenate([first, second], axis=1), whole)
    layer.reset_state()
    f32close(layer.forward(xs[:, 3:]), cls(Wx, Wh, b).forward(xs[:, 3:]))
    stateless = cls(Wx, Wh, b)
    stateless.forward(xs[:, :3])
    f32close(stateless.forward(xs[:, 3:]), cls(Wx, Wh, b).forward(xs[:, 3:]))


def test_set_state_starts_from_given_h():
    rng = np.random.default_rng(12)
    Wx, Wh, b, xs, _ = _sequence(rng, 2, 3, 3, 4, 1)
    h0 = rng.standard_normal((2, 4))
    layer = TimeRNN(Wx, Wh, b, stateful=True)
    layer.set_state(h0)
    hs = layer.forward(xs)
    cell = RNN(Wx, Wh, b)
    f32close(hs[:, 0], cell.forward(xs[:, 0], h0))


@pytest.mark.parametrize("name", list(TIME))
def test_time_layer_numerical_gradient(name):
    cls, gates = TIME[name]
    rng = np.random.default_rng(21)
    Wx, Wh, b, xs, dhs = _sequence(rng, 2, 3, 2, 3, gates)
    layer = cls(Wx, Wh, b)
    layer.forward(xs)
    layer.backward(dhs)
    grads = [g.copy() for g in layer.grads]

    def loss():
        return np.sum(layer.forward(xs).astype(np.float64) * dhs)
    for p, g in zip(layer.params, grads):
        # the float32 hs buffer limits the finite differences: h = 1e-3
        assert rel_err(num_grad(loss, p, h=1e-3), g) < 1e-3


# --------------------------------------------------------------------------- TimeBiLSTM

@pytest.mark.torch
@pytest.mark.parametrize("N, T, D, H", TIME_SHAPES)
def test_time_bilstm_vs_nn_lstm_bidirectional(torch, N, T, D, H):
    rng = np.random.default_rng(N * 3 + T * 5 + D * 7 + H)
    p1, p2 = _params(rng, D, H, 4), _params(rng, D, H, 4)
    xs, dhs = rng.standard_normal((N, T, D)), rng.standard_normal((N, T, 2 * H))
    layer = TimeBiLSTM(*p1, *p2)
    out = layer.forward(xs)
    dxs = layer.backward(dhs)
    assert out.shape == (N, T, 2 * H)
    lstm = torch.nn.LSTM(D, H, batch_first=True, bidirectional=True, dtype=torch.float64)
    with torch.no_grad():
        for suffix, (Wx, Wh, b) in (("l0", p1), ("l0_reverse", p2)):
            getattr(lstm, f"weight_ih_{suffix}").copy_(torch.tensor(to_torch_gates(Wx, H)))
            getattr(lstm, f"weight_hh_{suffix}").copy_(torch.tensor(to_torch_gates(Wh, H)))
            getattr(lstm, f"bias_ih_{suffix}").copy_(torch.tensor(to_torch_gates(b[None], H)[:, 0]))
            getattr(lstm, f"bias_hh_{suffix}").zero_()
    tx = torch.tensor(xs, requires_grad=True)
    t_out, _ = lstm(tx)
    t_out.backward(torch.tensor(dhs))
    f32close(out, t_out.detach().numpy())
    f32close(dxs, tx.grad.numpy())
    for k, suffix in enumerate(("l0", "l0_reverse")):
        close(layer.grads[3 * k], from_torch_gates(getattr(lstm, f"weight_ih_{suffix}").grad.numpy(), H))
        close(layer.grads[3 * k + 1], from_torch_gates(getattr(lstm, f"weight_hh_{suffix}").grad.numpy(), H))


# --------------------------------------------------------------------------- seq2seq (ch07)

from reference.seq2seq import Seq2seq  # noqa: E402


@pytest.mark.torch
@pytest.mark.parametrize("N, T_in, T_out, V, D, H", [(2, 4, 3, 6, 3, 4), (3, 5, 4, 5, 2, 3)])
def test_seq2seq_vs_torch(torch, N, T_in, T_out, V, D, H):
    rng = np.random.default_rng(N * T_in * T_out)
    xs, ts = rng.integers(0, V, (N, T_in)), rng.integers(0, V, (N, T_out))
    np.random.seed(V)
    model = Seq2seq(V, D, H)
    for p in model.params:   # non-zero biases, so that every gradient is exercised
        p += (0.1 * rng.standard_normal(p.shape)).astype(p.dtype)
    ps = [p.astype(np.float64) for p in model.params]
    loss = model.forward(xs, ts)
    model.backward()
    F = torch.nn.functional
    tp = [torch.tensor(p, requires_grad=True) for p in ps]
    e_W, e_Wx, e_Wh, e_b, d_W, d_Wx, d_Wh, d_b, a_W, a_b = tp
    h = torch.zeros((N, H), dtype=torch.float64)
    c = torch.zeros((N, H), dtype=torch.float64)
    enc = e_W[torch.tensor(xs)]
    step = torch_lstm_step(torch, e_Wx, e_Wh, e_b)
    for t in range(T_in):
        h, c = step(enc[:, t], h, c)
    dec = d_W[torch.tensor(ts[:, :-1])]   # teacher forcing: the answer shifted by one is the input
    step = torch_lstm_step(torch, d_Wx, d_Wh, d_b)
    c = torch.zeros((N, H), dtype=torch.float64)   # the decoder starts from h only (set_state(h))
    outs = []
    for t in range(T_out - 1):
        h, c = step(dec[:, t], h, c)
        outs.append(h)
    score = torch.stack(outs, 1) @ a_W + a_b
    t_loss = F.cross_entropy(score.reshape(-1, V), torch.tensor(ts[:, 1:].reshape(-1)))
    t_loss.backward()
    assert abs(loss - t_loss.item()) < 1e-5 * max(1, t_loss.item())
    for mine, t in zip(model.grads, tp):
        assert rel_err(mine, t.grad.numpy()) < 1e-4


def test_seq2seq_generate_is_greedy():
    np.random.seed(3)
    model = Seq2seq(7, 3, 4)
    xs = np.array([[1, 4, 2]])
    ids = model.generate(xs, 0, 5)
    assert len(ids) == 5 and all(isinstance(i, int) for i in ids)
    h = model.encoder.forward(xs)
    dec = model.decoder
    dec.lstm.set_state(h)
    prev = 0
    for want in ids:
        score = dec.affine.forward(dec.lstm.forward(dec.embed.forward(np.array([[prev]]))))
        assert int(np.argmax(score)) == want
        prev = want
