"""same_fact's chain steps and a problem's own partner names (issue 16, final re-grade 3: facts6)."""
from types import SimpleNamespace

from examprep.exam import same_fact


def _q(line, answer, problem=None, wrong=()):
    """A code question whose blank is `answer` in `line`."""
    template = line.replace(answer, "＿＿", 1)
    options = [SimpleNamespace(text=answer, correct=True)] + [SimpleNamespace(text=w, correct=False) for w in wrong]
    return SimpleNamespace(answer=answer, code=template, problem=problem, options=options,
                           blank={"template": template, "marker": "＿＿", "candidate": 0})


def test_keys_sharing_a_chain_step_ask_one_fact():
    split = _q("return x.reshape(N, T, num_heads, D // num_heads).transpose(0, 2, 1, 3)",
               "x.reshape(N, T, num_heads, D // num_heads).transpose(0, 2, 1, 3)")
    merge = _q("x = x.transpose(0, 2, 1, 3).reshape(N, T, h * d_k)", "x.transpose(0, 2, 1, 3).reshape(N, T, h * d_k)")
    assert same_fact.same_fact(split, merge) and same_fact.same_fact(merge, split)
    # the key begins the chain of its line: the step after the blank counts (transposed_conv's dx = ＿＿.transpose)
    pooled = _q("out = out.reshape(N, out_h, out_w, C).transpose(0, 3, 1, 2)",
                "out.reshape(N, out_h, out_w, C).transpose(0, 3, 1, 2)")
    begun = _q("dx = dx.reshape(N, H, W, C_in).transpose(0, 3, 1, 2)", "dx.reshape(N, H, W, C_in)")
    assert same_fact.same_fact(pooled, begun)


def test_a_chain_step_is_no_fact_otherwise():
    pooled = _q("out = out.reshape(N, out_h, out_w, C).transpose(0, 3, 1, 2)",
                "out.reshape(N, out_h, out_w, C).transpose(0, 3, 1, 2)")
    # another permutation, a chain on an expression, one call alone, a step too short to be a fact
    other = _q("x = x.reshape(N, H, W, C).transpose(0, 2, 3, 1)", "x.reshape(N, H, W, C).transpose(0, 2, 3, 1)")
    on_expression = _q("y = (a + b).reshape(N, H, W, C).transpose(0, 3, 1, 2)",
                       "(a + b).reshape(N, H, W, C).transpose(0, 3, 1, 2)")
    short = _q("y = a.T.reshape(N, -1)", "a.T.reshape(N, -1)")
    shorter = _q("z = a.T.reshape(M, -1)", "a.T.reshape(M, -1)")
    assert not same_fact.same_fact(pooled, other)
    assert not same_fact.same_fact(pooled, on_expression)
    assert not same_fact.same_fact(short, shorter)
    # a key inside an argument of the chain is not in it (the blank C asks no transpose)
    inner = _q("dx = dx.reshape(N, H, W, C_in * k).transpose(0, 3, 1, 2)", "C_in * k")
    assert not same_fact.same_fact(pooled, inner)


def test_a_problems_own_partners_mirror_its_keys():
    # dilated_conv's mutant_partners: [H, W], [FH, FW], [FH_d, FW_d], ... swapped all at once
    height = _q("out_h = (H + 2 * self.pad - FH_d) // self.stride + 1", "H + 2 * self.pad - FH_d",
                problem="dilated_conv")
    width = _q("out_w = (W + 2 * self.pad - FW_d) // self.stride + 1",
               "out_w = (W + 2 * self.pad - FW_d) // self.stride + 1", problem="dilated_conv")
    width.blank["template"] = "＿＿"
    assert same_fact.same_fact(height, width) and same_fact.mirrored(height, width)
    # without the problem's partners the two are not one fact (FH_d is no global partner name)
    assert not same_fact.same_fact(_q(height.blank["template"].replace("＿＿", height.answer), height.answer),
                                   SimpleNamespace(**{**vars(width), "problem": None}))
