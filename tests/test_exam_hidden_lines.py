"""Lines a code set's listing shows as `...` (issue 16: a blank's partner is "blanked with it or not shown"):
questions.set_questions(hidden=...) and the walk's choice, code_walk.hide_giveaways."""
import ast
from types import SimpleNamespace

import pytest

from examprep.exam import code_walk
from examprep.exam.code import questions as code_questions
from examprep.exam.code.proof import proven
from examprep.hole import holes
from examprep.problem import catalog


def _planned(pid, line, seed=0):
    """A one-blank set of a problem on the candidate line `line` (its index)."""
    problem = catalog.get(pid)
    others = [c.index for c in holes.candidates(problem) if c.index != line]
    return problem, code_questions.plan_set(problem, seed, 1, proven(problem), exclude=others)


def _line(problem, index):
    return next(c for c in holes.candidates(problem) if c.index == index)


def test_a_hidden_line_is_shown_as_an_ellipsis_and_the_stems_say_so():
    problem, planned = _planned("split_heads", 0)
    plain = code_questions.set_questions(problem, planned, central=False)
    hidden = code_questions.set_questions(problem, planned, central=False, hidden=[1])
    merge = _line(problem, 1)
    assert merge.text in plain[0].code and merge.text not in hidden[0].code
    assert merge.indent + code_questions.HIDDEN + "\n" in hidden[0].code
    # the listing stays Python (the blank marker aside), the question and its key unchanged
    ast.parse(hidden[0].code.replace(hidden[0].blank["marker"], "BLANK"))
    assert hidden[0].answer == plain[0].answer and hidden[0].blank["hidden"] == [1] and "hidden" not in plain[0].blank
    assert "..." in hidden[0].stem["ja"] and "省略" in hidden[0].stem["ja"]
    assert "..." in hidden[0].stem["en"] and "left out" in hidden[0].stem["en"]
    assert "省略" not in plain[0].stem["ja"] and "left out" not in plain[0].stem["en"]
    # the typed form of the same blank says it too
    assert "省略" in code_questions.free_form(hidden[0]).stem["ja"]


@pytest.mark.parametrize("pid, blank, partner", [
    ("split_heads", 0, 1),   # merge_heads' inverse transpose and reshape beside the blank split
    ("split_heads", 1, 0),
    ("adam", 4, 3),          # the m line beside the blank v, the same line up to names and a square
    ("avg_pooling", 4, 9),   # the backward's repeat over axis 1 beside the blank mean over axis 1
    ("comp_graph_nodes", 9, 8),   # the Repeat node's repeat over axis 0 beside the blank sum (the blank repeat
                                  # itself has only shape errors to offer, distractors.MOST_SHAPE_ERRORS)
])
def test_the_line_that_gives_a_blank_away_is_hidden(pid, blank, partner):
    problem, planned = _planned(pid, blank)
    qs = code_questions.set_questions(problem, planned, central=False)
    assert code_walk._given_away(qs) == {blank}          # the set as it was: the walk would leave the blank out
    kept, hidden = code_walk.hide_giveaways(problem, planned, qs)
    assert hidden == (partner,) and not code_walk._given_away(kept)
    assert [q.blank["candidate"] for q in kept] == [blank] and _line(problem, partner).text not in kept[0].code


def test_mixups_blank_given_away_by_two_lines_is_left_out():
    """mixup's x_mix = lam * x + (1 - lam) * x[index] is given away by t_mix's line and, the twelfth examination
    found (seed 13 Q35), by mixup_loss' lam * ... + (1 - lam) * ... too: hiding one line is not enough, so the walk
    leaves the blank out."""
    problem, planned = _planned("mixup", 0)
    qs = code_questions.set_questions(problem, planned, central=False)
    assert code_walk._given_away(qs) == {0}
    kept, hidden = code_walk.hide_giveaways(problem, planned, qs)
    assert code_walk._given_away(kept) == {0}


def test_a_set_that_gives_nothing_away_is_left_as_it_is():
    problem, planned = _planned("mixup", 2)
    qs = code_questions.set_questions(problem, planned, central=False)
    kept, hidden = code_walk.hide_giveaways(problem, planned, qs)
    assert hidden == () and kept is qs


def _q(line, answer, wrong):
    template = line.replace(answer, "＿＿", 1)
    options = [SimpleNamespace(text=answer, correct=True)] + [SimpleNamespace(text=w, correct=False) for w in wrong]
    return SimpleNamespace(answer=answer, options=options, blank={"template": template, "marker": "＿＿"})


def test_no_line_is_hidden_that_a_wrong_option_would_then_be():
    # GRU's backward: with dh_prev = dh_next * (1 - z) out of sight, the option dh_next * (1 - z) for the blank
    # dh_hat could be told from the key only by where the two lines stand
    q = _q("dh_hat = dh_next * z", "dh_next * z", ["dh_next * (1 - z)", "dh_next", "z"])
    assert code_walk._offers_hidden([q], ["dh_prev = dh_next * (1 - z)"])
    assert code_walk._offers_hidden([q], ["dh_prev = dh_next*(1-z)"])
    assert not code_walk._offers_hidden([q], ["dz = dh_next * h_hat - dh_next * h_prev"])


def test_a_blank_reading_a_name_only_a_hidden_line_assigns_is_left_out():
    """The tenth examination, seed 12 Q42: group_norm's `dmu = np.sum(dxc, axis=2, keepdims=True)` shown as `...`
    above the blank `dx = dxc - dmu / M`: read as dL/dmu = -sum(dxc), the option `dxc + dmu / M` is right, so the
    blank cannot be decided; the walk leaves such a blank out (and hide_giveaways hides another line)."""
    problem, planned = _planned("group_norm", 19)
    qs = code_questions.set_questions(problem, planned, central=False, hidden=[18])
    assert code_walk._reads_hidden_name(problem, qs, (18,)) == {19}
    # near cases: the blank reads no hidden name (dmu's own line hidden for the blank dvar); the hidden line's
    # name is assigned by a shown line too (dxc, whose `dxc += ...` is hidden, is assigned above it); nothing hidden
    problem, planned = _planned("group_norm", 16)
    assert code_walk._reads_hidden_name(
        problem, code_questions.set_questions(problem, planned, central=False, hidden=[18]), (18,)) == set()
    problem, planned = _planned("group_norm", 19)
    assert code_walk._reads_hidden_name(
        problem, code_questions.set_questions(problem, planned, central=False, hidden=[17]), (17,)) == set()
    assert code_walk._reads_hidden_name(problem, code_questions.set_questions(problem, planned, central=False),
                                        ()) == set()
