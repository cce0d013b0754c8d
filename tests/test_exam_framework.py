"""The PyTorch track (examprep/exam/framework.py, examprep/exam/torch_bank/*.yaml).

The keys are proven by running PyTorch: for every item and several seeds, the hidden setup, the listing with
each option filled in and the hidden check run in one namespace. The answer must pass the check; each distractor
must fail the way its `fails` says: "value" (it runs, and the check's assertion fails: a different result) or
"error" (PyTorch raises a RuntimeError / ValueError / IndexError in the listing, a shape or dtype error, or
torch.load refuses to unpickle). Any other exception (NameError, AttributeError, TypeError, SyntaxError) is a
nonsense option and fails the test.
"""
import pickle
import warnings

import pytest

from examprep.exam import framework
from examprep.exam.model import marker

SEEDS = (0, 1, 2)
ITEMS = framework.load()
IDS = [e["id"] for e in ITEMS]


def run(entry, text, seed):
    """('pass' | 'value' | 'error', detail) of the listing with `text` in the blank."""
    import torch

    namespace = {}
    torch.manual_seed(seed)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            exec(compile(framework.PRELUDE + (entry.get("setup") or ""), f"<{entry['id']} setup>", "exec"),
                 namespace)
            try:
                exec(compile(framework.fill(entry, text), f"<{entry['id']} listing>", "exec"), namespace)
            except (RuntimeError, ValueError, IndexError, pickle.UnpicklingError) as exc:
                return "error", f"{type(exc).__name__}: {exc}"
            try:
                exec(compile(entry["check"], f"<{entry['id']} check>", "exec"), namespace)
            except AssertionError as exc:
                return "value", f"AssertionError: {exc}"
    finally:
        torch.set_grad_enabled(True)   # a listing may switch autograd off for the thread
    return "pass", None


def test_the_bank_is_well_formed():
    assert framework.validate() == []


def test_the_bank_covers_areas_3_and_4_with_enough_items():
    areas = {}
    for entry in ITEMS:
        areas.setdefault(entry["item"].split("-")[0], set()).add(entry["id"])
    assert len(ITEMS) >= 30
    assert len(areas.get("3", ())) >= 15 and len(areas.get("4", ())) >= 8


@pytest.mark.torch
@pytest.mark.parametrize("item_id", IDS)
def test_the_key_does_what_the_stem_asks_and_each_distractor_does_not(item_id):
    entry = next(e for e in ITEMS if e["id"] == item_id)
    for seed in SEEDS:
        outcome, detail = run(entry, entry["answer"], seed)
        assert outcome == "pass", f"key of {item_id} (seed {seed}): {detail}"
        for d in entry["distractors"]:
            outcome, detail = run(entry, d["code"], seed)
            assert outcome == d["fails"], f"{item_id}: {d['code']!r} (seed {seed}) gave {outcome}: {detail}"


@pytest.mark.parametrize("item_id", IDS)
def test_each_item_makes_a_question_with_four_distinct_options_and_one_key(item_id):
    entry = next(e for e in ITEMS if e["id"] == item_id)
    q = framework.question(entry, 7, "set")
    texts = [o.text for o in q.options]
    assert q.kind == "framework" and q.template == f"torch:{item_id}" and q.source
    assert len(texts) == 4 and len(set(texts)) == 4
    assert [o.correct for o in q.options].count(True) == 1 and q.options[q.key].correct
    assert q.answer == entry["answer"].strip() and marker(q.label) in q.code
    assert all(o.verdict["check"] == "framework" for o in q.options if not o.correct)
    assert q.stem["ja"] != q.stem["en"] and q.explanation["ja"] != q.explanation["en"]


def test_options_are_shuffled_by_seed():
    keys = {framework.question(ITEMS[0], seed, "set").key for seed in range(12)}
    assert len(keys) > 1


# --- the track in an exam ---------------------------------------------------------------------------------------

SAMPLE = ["softmax", "affine", "conv2d", "adam", "batchnorm", "cross_entropy"]


@pytest.fixture(scope="module")
def problems(module_examprep_home):
    from examprep.problem import catalog

    return [catalog.get(pid) for pid in SAMPLE]


def test_the_share_is_a_third_of_the_code_questions_in_sets():
    assert framework.share("3", 25, seed=1) == 8          # area 3 of a 100-question exam: 25 code questions
    assert framework.share("3", 2, seed=1) == 0           # under one set of code questions: none
    assert framework.share("1", 9, seed=1) == 0           # no PyTorch items in area 1
    small = [framework.share("4", 3, seed=s) for s in range(300)]   # area 4: 1 of 3 on average
    assert set(small) == {0, 3} and 0.25 < small.count(3) / len(small) < 0.42


def test_a_pytorch_exam_asks_framework_questions_by_compose_rules(problems):
    from examprep.exam.compose import compose

    for seed in (0, 3):
        numpy_exam = compose(40, seed=seed, problems=problems)
        torch_exam = compose(40, seed=seed, problems=problems, framework="pytorch")
        assert [q.to_json() for q in numpy_exam] == [q.to_json() for q in compose(40, seed=seed, problems=problems,
                                                                                   framework="numpy")]
        assert not any(q.kind == "framework" for q in numpy_exam)
        fw = [q for q in torch_exam if q.kind == "framework"]
        code = [q for q in torch_exam if q.kind in ("code_choice", "framework") and q.area == "3"]
        assert len(torch_exam) == 40 and len(fw) >= 3 and len(fw) <= len(code)
        assert len({q.template for q in fw}) == len(fw)                 # no item twice
        sets = {}
        for i, q in enumerate(torch_exam):
            sets.setdefault(q.set_id, []).append(i)
        for q in fw:                                                      # sets of 3-4, together, one topic
            members = sets[q.set_id]
            assert 3 <= len(members) <= 4 and members == list(range(members[0], members[0] + len(members)))
            assert len({torch_exam[i].set_id.split(":")[2] for i in members}) == 1
            texts = [o.text for o in q.options]
            assert len(set(texts)) == 4 and [o.correct for o in q.options].count(True) == 1
        # Areas before 3 draw nothing from the track: the same questions as the NumPy exam.
        assert [q.id for q in torch_exam if q.area in ("1", "2")] == [q.id for q in numpy_exam if q.area in ("1", "2")]


def test_paper_shows_each_framework_listing():
    from examprep.exam import paper

    qs = [framework.question(e, 1, "framework:3:loss:s1:0") for e in ITEMS if e["group"] == "loss"][:3]
    text = paper.render_markdown(qs, "en", 1, 5, 0.6, "pytorch")
    assert text.count("```python") == 3 and "same listing as above" not in text and "framework PyTorch" in text
    assert "フレームワーク PyTorch" in paper.render_markdown(qs, "ja", 1, 5, 0.6, "pytorch")


def test_a_sitting_asks_for_the_track_when_not_given(monkeypatch):
    import argparse

    from examprep.exam import interactive

    args = argparse.Namespace(framework=None, questions=None, area=None)
    monkeypatch.setattr(interactive.sys.stdin, "isatty", lambda: True, raising=False)
    answers = iter(["3", "2"])
    asked = []
    assert interactive._ask_framework(args, "en", ask=lambda prompt: asked.append(prompt) or next(answers)) == "pytorch"
    assert len(asked) == 2 and "PyTorch" in asked[0]
    assert interactive._ask_framework(args, "ja", ask=lambda prompt: "") == "numpy"
    args.framework = "pytorch"
    assert interactive._ask_framework(args, "en", ask=lambda prompt: pytest.fail("asked although given")) == "pytorch"
    # An exam without code questions the track changes (area 1 only) does not ask.
    args = argparse.Namespace(framework=None, questions=10, area=["1"])
    assert interactive._ask_framework(args, "en", ask=lambda prompt: pytest.fail("asked for area 1")) == "numpy"


def test_help_teaches_the_option():
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-m", "examprep", "mock-exam", "--help"], capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(root), COLUMNS="120"), cwd=root)
    assert done.returncode == 0
    text = " ".join(done.stdout.split())
    assert "--framework {numpy,pytorch}" in text and "--framework pytorch" in text
    assert "PyTorch" in text and "指定しないと開始時に尋ねる" in text


def test_no_framework_listing_shows_another_framework_answer():
    """eval-dropout's answer model.eval() is printed in grad-off's listing: an exam never asks both."""
    for area in ("3", "4"):
        for seed in range(40):
            qs = [q for s in framework.sets(area, 12, seed, lambda qs: qs, lambda n: [4]) for q in s]
            answers = [framework._squeeze(q.answer) for q in qs]
            for q in qs:
                listing = framework._squeeze(q.code)
                assert not any(len(a) >= 8 and a in listing for a in answers if a != framework._squeeze(q.answer)), \
                    (seed, q.id)


def test_no_listing_prints_the_answer_of_an_item_in_another_area():
    """framework.sets() keeps an exam from asking an item whose answer another listing of the same area prints; the
    areas are composed apart, so across areas the bank itself must not do it (padding-mask printed x = emb(ids),
    embedding-lookup's key). A trailing full slice counts as the same text: out[:, -1, :] is out[:, -1]."""
    squeeze = framework._squeeze
    for a in ITEMS:
        answer = squeeze(a["answer"])
        for b in ITEMS:
            if a is not b and a["item"].split("-")[0] != b["item"].split("-")[0] \
                    and len(answer) >= framework.GIVE_AWAY_MIN:
                assert answer not in squeeze(b["code"]), (a["id"], b["id"])
