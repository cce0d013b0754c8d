"""The PyTorch track of the mock exam: framework questions from examprep/exam/torch_bank/*.yaml.

The E資格 lets candidates choose PyTorch or TensorFlow at the start for its framework questions. With
`examprep mock-exam --framework pytorch` a share of the area's code questions (FRAMEWORK_SHARE, see share())
are PyTorch listings with one blank and four options (kind "framework"). One YAML file per topic group:

    group: loss                          # a framework set holds 3–4 items of one group
    items:
      - id: ce-logits                    # unique; the question id is torch:<id>:s<seed>
        item: 3-1-3                      # syllabus item
        stem: {ja: "…", en: "…"}
        code: |                          # the listing shown, with the one blank ＿＿(あ)＿＿
          loss = ＿＿(あ)＿＿
        answer: "nn.CrossEntropyLoss()(logits, t)"
        distractors:                     # exactly three conceptual mistakes, each proven wrong by running it
          - {code: "nn.NLLLoss()(logits, t)", fails: value}   # value: runs, the result is not what the stem asks
          - {code: "…", fails: error}                         # error: PyTorch raises (a shape or dtype error)
        explanation: {ja: "…", en: "…"}  # why the key is right and each distractor wrong
        source: "PyTorch documentation: torch.nn.CrossEntropyLoss"
        setup: |                         # hidden, run before the listing: the inputs (seeded by the test)
          …
        check: |                         # hidden, run after the listing: asserts what the stem asks
          …

The listings run with `torch`, `torch.nn as nn`, `torch.nn.functional as F` and `DataLoader`, `TensorDataset`
imported (PRELUDE). tests/test_exam_framework.py runs setup + listing (each option filled in) + check for several
seeds: the answer passes, each distractor fails the way its `fails` says. Sitting or exporting the exam only
reads the data: PyTorch is never imported here.
"""
import random
from functools import lru_cache
from importlib import resources

import yaml

from examprep.exam.giveaways import squeeze
from examprep.exam.model import Option, Question, marker
from examprep.problem.syllabus import AREAS, ITEMS, area_of

FRAMEWORKS = ("numpy", "pytorch")
FRAMEWORK_NAMES = {"numpy": "NumPy", "pytorch": "PyTorch"}
FRAMEWORK_SHARE = 1 / 3          # of an area's code questions, with --framework pytorch
LABEL = "(あ)"
GIVE_AWAY_MIN = 8                # shorter answers (`P`, `2 * H`) are common words, not give-aways (compose.LEAK_MIN)
LANGS = ("ja", "en")
FAILS = ("value", "error")
PRELUDE = ("import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n"
           "from torch.utils.data import DataLoader, TensorDataset\n")
IMPORTED = {"ja": "(torch、torch.nn as nn、torch.nn.functional as F、DataLoader、TensorDataset は import 済みとします。)",
            "en": "(torch, torch.nn as nn, torch.nn.functional as F, DataLoader and TensorDataset are imported.)"}
VERDICTS = {
    "value": {"ja": "実行すると動きますが、問題文の求める結果になりません (理由は解説を参照)。",
              "en": "It runs, but the result is not what the question asks (the explanation says why)."},
    "error": {"ja": "実行すると PyTorch がエラーを出します (形状や型が合いません。理由は解説を参照)。",
              "en": "PyTorch raises an error when it runs (shapes or types do not fit; the explanation says why)."},
}


def _files():
    root = resources.files("examprep.exam") / "torch_bank"
    for path in sorted((p for p in root.iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name):
        yield path.name, path.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def load():
    """Every framework item as a dict (its file's group and name added), in file order."""
    out = []
    for name, text in _files():
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}  # libyaml: 9x faster
        for raw in data.get("items", []) or []:
            entry = dict(raw)
            entry["item"] = str(entry.get("item", data.get("item", "")))
            entry["group"] = str(entry.get("group", data.get("group", name.rsplit(".", 1)[0])))
            entry["file"] = name
            out.append(entry)
    return out


def _bilingual(value):
    return isinstance(value, dict) and all(isinstance(value.get(k), str) and value[k].strip() for k in LANGS)


def problems_of(entry):
    """What is wrong with one item's structure (empty when it is well formed; the keys are proven by the tests)."""
    name = f"{entry['file']}:{entry.get('id')}"
    out = []
    if not isinstance(entry.get("id"), str) or not entry["id"]:
        out.append(f"{name}: no id")
    if entry["item"] not in ITEMS:
        out.append(f"{name}: unknown syllabus item {entry['item']!r}")
    for key in ("stem", "explanation"):
        if not _bilingual(entry.get(key)):
            out.append(f"{name}: {key} needs ja and en")
    if not isinstance(entry.get("source"), str) or len(entry["source"].strip()) < 5:
        out.append(f"{name}: no source")
    code = entry.get("code")
    if not isinstance(code, str) or code.count(marker(LABEL)) != 1:
        out.append(f"{name}: the listing needs exactly one blank {marker(LABEL)}")
    for key in ("setup", "check"):
        if not isinstance(entry.get(key, ""), str):
            out.append(f"{name}: {key} must be code text")
    if not (entry.get("check") or "").strip():
        out.append(f"{name}: no check")
    wrong = entry.get("distractors")
    if not isinstance(wrong, list) or len(wrong) != 3 or not all(isinstance(d, dict) for d in wrong):
        out.append(f"{name}: needs exactly three distractors")
        return out
    texts = [entry.get("answer")] + [d.get("code") for d in wrong]
    if not all(isinstance(t, str) and t.strip() and "\n" not in t.strip() for t in texts):
        out.append(f"{name}: the answer and every distractor are one line of code")
    elif len({" ".join(t.split()) for t in texts}) != 4:
        out.append(f"{name}: the four options are not distinct")
    for d in wrong:
        if d.get("fails") not in FAILS:
            out.append(f"{name}: distractor {d.get('code')!r} needs fails: value or error")
        if "why" in d and not _bilingual(d["why"]):
            out.append(f"{name}: distractor {d.get('code')!r}: why needs ja and en")
    return out


def validate():
    """Every structural problem of the PyTorch bank, as lines (empty: it is sound)."""
    out, seen = [], {}
    for entry in load():
        out += problems_of(entry)
        if entry.get("id") in seen:
            out.append(f"{entry['file']}:{entry['id']}: id also used in {seen[entry['id']]}")
        seen[entry.get("id")] = entry["file"]
    return out


def fill(entry, text):
    """The listing with the blank filled in (what the tests run)."""
    return entry["code"].replace(marker(LABEL), text)


def question(entry, seed, set_id):
    """The Question of one item, options shuffled by seed."""
    rng = random.Random(f"torch:{entry['id']}:{seed}")
    options = [Option(entry["answer"].strip(), True)]
    for d in entry["distractors"]:
        verdict = dict(d.get("why") or VERDICTS[d["fails"]], check="framework")
        options.append(Option(d["code"].strip(), False, verdict=verdict, operator=d["fails"]))
    rng.shuffle(options)
    key = next(i for i, o in enumerate(options) if o.correct)
    area = area_of(entry["item"])
    code = entry["code"].rstrip("\n") + "\n"
    line = next(line.strip() for line in code.splitlines() if marker(LABEL) in line)
    stem = {k: f"{entry['stem'][k].strip()}\n{IMPORTED[k]}" for k in LANGS}
    return Question(id=f"torch:{entry['id']}:s{seed}", kind="framework", problem=None,
                    template=f"torch:{entry['id']}", area=area, section=AREAS[area]["ja"], item=entry["item"],
                    stem=stem, explanation={k: entry["explanation"][k].strip() for k in LANGS}, options=options,
                    key=key, answer=options[key].text, code=code, label=LABEL, set_id=set_id, seed=seed,
                    blank={"marker": marker(LABEL), "template": line}, source=entry["source"].strip())


def share(area, code_want, seed, expected=False):
    """How many of an area's `code_want` code questions are framework questions: FRAMEWORK_SHARE of them, rounded,
    in sets of at least 3. Where that share is under one set (area 4 of a 100-question exam: 1 of 3), the whole code
    set is a framework set with probability share / 3 (decided by the seed), so the share holds on average.
    expected=True: the expected share instead (whether the track changes the area at all)."""
    if not any(area_of(e["item"]) == area for e in load()) or code_want < 3:
        return 0
    exact = code_want * FRAMEWORK_SHARE
    if expected:
        return exact
    if exact >= 3:
        return min(code_want, round(exact))
    return 3 if random.Random(f"framework:{seed}:{area}").random() < exact / 3 else 0


def _squeeze(text):
    """giveaways.squeeze, a trailing full slice dropped too (out[:, -1, :] is out[:, -1])."""
    return squeeze(text).replace(",:]", "]")


def _gives_away(entry, shown, answers):
    """Whether the item's answer is printed in a listing already asked, or its listing prints an answer asked."""
    answer, code = _squeeze(entry["answer"]), _squeeze(entry["code"])
    return (len(answer) >= GIVE_AWAY_MIN and any(answer in listing for listing in shown)) or \
        any(len(a) >= GIVE_AWAY_MIN and a in code for a in answers)


MIN_SET = 3   # the real exam groups 3-4 questions around one scenario


def sets(area, want, seed, take, sizes, fits=None):
    """Framework sets of the area, `want` questions in all: one topic group per set, each item at most once.
    take(questions) keeps the ones the exam accepts (compose's rules); sizes(n) splits n into set sizes; fits(q),
    when given, is take's test for one question: a question it would refuse is not chosen, so a set is not cut
    below its size after it was made (a listing printing BatchNorm's running statistics beside the bank item that
    asks them)."""
    rng = random.Random(f"framework:{seed}:{area}:sets")
    pool = {}
    for entry in load():
        if area_of(entry["item"]) == area:
            pool.setdefault(entry["group"], []).append(entry)
    for entries in pool.values():
        rng.shuffle(entries)
    out, total, n, shown, answers = [], 0, 0, [], []
    while total < want and any(pool.values()):
        size = sizes(want - total)[0]
        groups = sorted((g for g in pool if pool[g]), key=lambda g: (len(pool[g]) < size, rng.random()))
        group = groups[0]
        chosen, made, listed, keys = [], [], list(shown), list(answers)
        set_id = f"framework:{area}:{group}:s{seed}:{n}"
        for entry in pool[group]:      # no listing shows another question's answer (eval-dropout's model.eval())
            if len(chosen) < size and not _gives_away(entry, listed, keys):
                q = question(entry, seed, set_id)
                if fits is not None and not fits(q):
                    continue
                chosen.append(entry)
                made.append(q)
                listed.append(_squeeze(entry["code"]))
                keys.append(_squeeze(entry["answer"]))
        if len(chosen) < min(size, MIN_SET):   # a group the exam's rules cut below a set: not asked
            pool[group] = []
            continue
        shown, answers = listed, keys
        pool[group] = [e for e in pool[group] if e not in chosen]
        n += 1
        qs = take(made)
        if qs:
            out.append(qs)
            total += len(qs)
    return out
