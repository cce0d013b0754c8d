"""Japanese messages carry no English record labels: examprep.common.labels translates them at render time, for the
terminal (render.failure_text) and the notebook alike."""
import pytest

from examprep.common import labels
from examprep.grade.failure import Failure
from examprep.learn import checking
from examprep.problem import catalog, source


@pytest.mark.parametrize("what,ja", [
    ("backward return (step 1)", "backward の戻り値 (ステップ 1)"),
    ("forward output (step 2)", "forward の出力 (ステップ 2)"),
    ("forward output (step 2)[0]", "forward の出力 (ステップ 2)[0]"),
    ("params['W1'] moved after step 3", "ステップ 3 後の params['W1'] の移動量"),
    ("dW (step 1)", "dW (ステップ 1)"),
    ("mask (after step 2)", "mask (ステップ 2 の後)"),
    ("forward leaves its input unchanged (step 1)", "forward が入力を書き換えないこと (ステップ 1)"),
    ("softmax(...) leaves its arguments unchanged", "softmax(...) が引数を書き換えないこと"),
    ("constructor", "コンストラクタ"),
    ("update (step 4)", "update (ステップ 4)"),
    ("forward (training)", "forward (学習時)"),
    ("softmax(...)", "softmax(...)"),          # code-like: kept
])
def test_what_ja(what, ja):
    assert labels.what_ja(what) == ja


def test_localized_replaces_only_in_japanese():
    failure = Failure("values", "backward return (step 1): 値が違います。", "backward return (step 1): wrong values.",
                      what="backward return (step 1)")
    assert labels.localized(failure, "ja") == "backward の戻り値 (ステップ 1): 値が違います。"
    assert labels.localized(failure, "en") == failure.en
    assert labels.localized(None, "ja") == ""


@pytest.mark.parametrize("problem,old,new,english", [
    ("relu_layer", "        return dx\n", "        return dx * 2\n", "backward return"),
    ("sgd", "self.lr * grads[key]", "2 * self.lr * grads[key]", "moved after"),
])
def test_graded_failures_in_japanese_have_no_english_label(examprep_home, problem, old, new, english):
    from examprep.common.render import failure_text

    text = source.reference_answer(catalog.get(problem))
    assert old in text
    checked = checking.check_text(text.replace(old, new), problem, record=False)
    assert not checked.verdict.passed
    ja = failure_text(checked.verdict.failure, "ja")
    assert english in checked.verdict.failure.ja and english not in ja, ja
    assert "ステップ" in ja
