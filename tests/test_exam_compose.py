"""An exam's composition: per-area quotas from the documented weights, sets kept together, areas selectable."""
import pytest

from examprep.problem import catalog
from examprep.exam import compose as compose_module
from examprep.exam.compose import AREA_WEIGHTS, CompositionError, composition, compose, quotas, resolve_area

SAMPLE = ["softmax", "affine", "conv2d", "adam", "batchnorm", "cross_entropy"]


@pytest.mark.parametrize("count", [1, 7, 20, 37, 100, 104])
def test_quotas_are_within_one_question_of_the_weights(count):
    q = quotas(count)
    assert sum(q.values()) == count
    for area, weight in AREA_WEIGHTS.items():
        assert abs(q[area] - weight * count) < 1, (area, q)


def test_quotas_for_chosen_areas_are_rescaled():
    q = quotas(30, ["1", "4"])
    assert set(q) == {"1", "4"} and sum(q.values()) == 30
    assert q == {"1": 10, "4": 20}  # 0.10 : 0.20


def test_area_names_resolve():
    assert resolve_area("3") == "3"
    assert resolve_area("深層学習の基礎") == "3"
    assert resolve_area("deep learning applications") == "4"
    assert resolve_area("6") is None


@pytest.fixture(scope="module")
def problems(module_examprep_home):
    return [catalog.get(pid) for pid in SAMPLE]


@pytest.mark.parametrize("count,seed", [(40, 0), (25, 5)])
def test_an_exam_meets_the_quotas_and_keeps_sets_together(problems, count, seed):
    questions = compose(count, seed=seed, problems=problems)
    assert len(questions) == count and len({q.id for q in questions}) == count
    got = composition(questions)
    for area, n in quotas(count).items():
        assert got.get(area, 0) == n
        assert abs(n - AREA_WEIGHTS[area] * count) < 1
    order = [q.set_id for q in questions]
    for set_id in set(order):
        first, last = order.index(set_id), len(order) - 1 - order[::-1].index(set_id)
        assert set(order[first:last + 1]) == {set_id}, "a set's questions are consecutive"
    areas = [q.area for q in questions]
    assert areas == sorted(areas), "areas come in syllabus order"
    code = [q for q in questions if q.kind.startswith("code")]
    # Six problems cannot always give the full share without a listing giving away an answer: calc fills up.
    target = round(quotas(count)["3"] * compose_module.CODE_SHARE["3"])
    assert target / 2 <= len(code) <= target
    for q in questions:
        assert q.item.startswith(q.area) and q.stem["ja"] and q.stem["en"]


def test_same_seed_same_exam_other_seed_other_exam(problems):
    a = [q.to_json() for q in compose(20, seed=4, problems=problems)]
    assert a == [q.to_json() for q in compose(20, seed=4, problems=problems)]
    assert a != [q.to_json() for q in compose(20, seed=5, problems=problems)]


def test_one_area_only(problems):
    questions = compose(12, seed=1, areas=["4"], problems=problems)
    assert {q.area for q in questions} == {"4"} and len(questions) == 12


def test_an_area_without_sources_is_an_error(monkeypatch, problems):
    monkeypatch.setattr(compose_module, "_calc_sets", lambda *a, **k: [])
    monkeypatch.setattr(compose_module, "_knowledge_sets", lambda *a, **k: [])
    with pytest.raises(CompositionError) as info:
        compose(10, seed=0, areas=["5"], problems=problems)
    assert "5" in info.value.en and info.value.ja


def test_no_listing_gives_away_another_questions_answer(problems):
    from examprep.exam.compose import LEAK_MIN

    for seed in (4, 11):
        questions = compose(60, seed=seed, problems=problems)
        code = [q for q in questions if q.kind.startswith("code")]
        for q in code:
            answer = "".join(q.answer.split())
            if len(answer) < LEAK_MIN:
                continue
            for other in code:
                if other.set_id != q.set_id:
                    assert answer not in "".join(other.code.split()), (q.id, other.id)


def test_a_blank_whose_symmetric_partner_is_shown_leaks():
    """A re-grade found `y:y_max:stride` beside the blank `x:x_max:stride` (col2im) and
    `w = np.maximum(0.0, xx2 - xx1)` above the blank `h = np.maximum(0.0, yy2 - yy1)` (iou_box)."""
    from types import SimpleNamespace

    def question(answer, code):
        return SimpleNamespace(answer=answer, code=code, blank=None)

    col2im = "img[:, :, y:y_max:stride, ＿＿(あ)＿＿] += col[:, :, y, x, :, :]"
    assert compose_module.leaks([], [question("x:x_max:stride", col2im)])
    iou = "w = np.maximum(0.0, xx2 - xx1)\n＿＿(あ)＿＿\ninter = w * h"
    assert compose_module.leaks([], [question("h = np.maximum(0.0, yy2 - yy1)", iou)])
    alone = "inter = w * h\n＿＿(あ)＿＿"
    assert not compose_module.leaks([], [question("h = np.maximum(0.0, yy2 - yy1)", alone)])


def test_partners_of_other_groups_leak():
    """A re-grade found `dWh = np.dot(h_prev.T, dt)` shown above the blank `dWx` (rnn_cell), `V = split_heads(
    np.dot(x_kv, W_v), ...)` below the blank K (multi_head_attention), `y1 = np.minimum(y0 + 1, H - 1)` above the
    blank x1 (upsample) and `db1 = du.reshape(-1, D_ff).sum(axis=0)` beside the blank db2 (position_wise_ffn)."""
    from types import SimpleNamespace

    blank = {"template": "＿＿(あ)＿＿", "marker": "＿＿(あ)＿＿"}
    cases = [("dWx = np.dot(x.T, dt)", "dWh = np.dot(h_prev.T, dt)"),
             ("dx = np.dot(dt, Wx.T)", "dh_prev = np.dot(dt, Wh.T)"),
             ("K = split_heads(np.dot(x_kv, W_k), self.num_heads)",
              "V = split_heads(np.dot(x_kv, W_v), self.num_heads)"),
             ("dW_v = np.dot(x_kv.reshape(-1, D).T, dV.reshape(-1, D))",
              "dW_k = np.dot(x_kv.reshape(-1, D).T, dK.reshape(-1, D))"),
             ("x1 = np.minimum(x0 + 1, W - 1)", "y1 = np.minimum(y0 + 1, H - 1)"),
             ("db2 = dout.reshape(-1, D).sum(axis=0)", "db1 = du.reshape(-1, D_ff).sum(axis=0)"),
             ("di *= i * (1 - i)", "do *= o * (1 - o)"), ("df *= f * (1 - f)", "do *= o * (1 - o)"),
             ("dWhr = np.dot(h_prev.T, dt)", "dWhz = np.dot(h_prev.T, dt)"),
             # a third re-grade: transformer_block showed grads[9] = norm1.dbeta below the blank grads[8] = dgamma
             ("self.grads[8][...] = self.norm1.dgamma", "self.grads[9][...] = self.norm1.dbeta")]
    for answer, shown in cases:
        code = f"    {shown}\n    ＿＿(あ)＿＿\n"
        assert compose_module.leaks([], [SimpleNamespace(answer=answer, code=code, blank=blank)]), answer
        alone = "    ＿＿(あ)＿＿\n    out = h_next\n"
        assert not compose_module.leaks([], [SimpleNamespace(answer=answer, code=alone, blank=blank)]), answer

def test_a_partner_that_differs_in_its_indices_leaks():
    """`xx2 = np.minimum(box[2], boxes[:, 2])` shown above the blank `yy2 = ...[3]` (iou_box, a re-grade)."""
    from types import SimpleNamespace

    template = "    ＿＿(あ)＿＿"
    blank = {"template": "＿＿(あ)＿＿", "marker": "＿＿(あ)＿＿"}
    answer = "yy2 = np.minimum(box[3], boxes[:, 3])"
    shown = "    xx2 = np.minimum(box[2], boxes[:, 2])\n" + template
    assert compose_module.leaks([], [SimpleNamespace(answer=answer, code=shown, blank=blank)])
    other = "    xx2 = np.minimum(box[2] + 1, boxes[:, 2])\n" + template   # not the same line: no twin
    assert not compose_module.leaks([], [SimpleNamespace(answer=answer, code=other, blank=blank)])
    plain = "    loss = np.sum(t * np.log(y))"   # no partner names at all: nothing to mirror
    assert not compose_module.leaks([], [SimpleNamespace(answer=plain.strip(), code=template, blank=blank)])
