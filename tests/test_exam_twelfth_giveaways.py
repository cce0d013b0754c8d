"""Give-aways the twelfth examination found (main 6600b09): a sibling's key spelled out on another array in a wrong
option, and a convex combination's weights shown by another line of the listing."""
from types import SimpleNamespace

from examprep.exam.giveaways import _offers_another_answer, shows_partner


def _q(line, answer, wrong, code, problem="p"):
    template = line.replace(answer, "＿＿", 1)
    options = [SimpleNamespace(text=answer, correct=True)] + [SimpleNamespace(text=w, correct=False) for w in wrong]
    return SimpleNamespace(answer=answer, code=code, problem=problem, options=options, label="(あ)",
                           blank={"template": template, "marker": "＿＿", "candidate": 0})


def test_a_wrong_option_holding_a_siblings_reshape_on_another_array_gives_it_away():
    # seed 12 Q56 / Q57 (time_affine): the dW options `... dout.reshape(N, T, -1)[:, -1, :]` spell out the forward
    # blank `out.reshape(N, T, -1)` (dout has out's shape)
    forward = _q("return out.reshape(N, T, -1)", "out.reshape(N, T, -1)",
                 ["out.reshape(N, -1, T)", "out.reshape(T, N, -1)", "out.reshape(T, N, -1).transpose(1, 0, 2)"], "")
    dW = _q("dW = np.dot(rx.T, dout)", "dW = np.dot(rx.T, dout)",
            ["dW = np.dot(dout, rx.T)", "dW = np.dot(x[:, -1, :].T, dout.reshape(N, T, -1)[:, -1, :])",
             "dW = np.dot(dout.reshape(N, T, -1)[:, -1].T, x[:, -1, :])"], "")
    assert _offers_another_answer([], [forward, dW])
    # another reshape, or a short common call, tells nothing
    other = _q("dW = np.dot(rx.T, dout)", "dW = np.dot(rx.T, dout)",
               ["dW = np.dot(dout, rx.T)", "dW = np.dot(x.reshape(T, N, -1)[-1].T, dout)", "dW = rx.sum(axis=0)"], "")
    assert not _offers_another_answer([], [forward, other])


def test_a_shown_convex_combination_with_the_same_weight_gives_the_weights_away():
    # seed 13 Q35 (mixup): the listing shows the loss `lam * ce_a + (1 - lam) * ce_b` beside the blank x_mix
    code = ("def mixup(x, t, lam, index):\n    x_mix = ＿＿\n    return x_mix\n\n\n"
            "def mixup_loss(y, t_a, t_b, lam):\n    return lam * cross_entropy(y, t_a) + (1 - lam) * cross_entropy(y, t_b)\n")
    q = _q("    x_mix = lam * x + (1 - lam) * x[index]", "lam * x + (1 - lam) * x[index]",
           ["(1 - lam) * x + (1 - lam) * x[index]", "lam * x + lam * x[index]", "lam * x"], code)
    assert shows_partner(q)
    # another weight shown, or none, does not
    assert not shows_partner(q, code.replace("lam * cross", "w * cross").replace("(1 - lam)", "(1 - w)"))
