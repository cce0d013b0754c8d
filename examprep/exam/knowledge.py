"""Knowledge questions from the question bank (examprep/exam/bank/areaN/*.yaml).

One YAML file per syllabus sub-item (or per scenario), in the folder of its area:

    item: 3-5-2                          # the syllabus item every question of the file is tagged with
    questions:                           # stand-alone items
      - id: lstm-forget-gate             # unique in the bank; the question id is bank:<id>:s<seed>
        stem: {ja: "…", en: "…"}
        options:                         # exactly four, distinct in each language
          - {ja: "…", en: "…"}
        key: 0                           # index of the one correct option
        explanation: {ja: "…", en: "…"}  # why the key is right and the others wrong
        source: "ゼロから作るDeep Learning ❷ 6.2"   # book chapter, paper or documentation section
        item: 3-5-1                      # optional: overrides the file's item
    sets:                                # scenarios: 3–4 questions around one listing or model
      - id: lstm-listing
        intro: {ja: "…", en: "…"}        # printed before every question of the set
        code: |                          # optional listing shown once for the set
          …
        questions: [ … as above … ]

Options are shuffled by seed when a question is made, so the file's order says nothing.
`validate()` lists every structural problem of the bank (tests/test_exam_bank.py runs it).
"""
import random
from functools import lru_cache
from importlib import resources

import yaml

from examprep.exam.model import Option, Question, marker
from examprep.problem.syllabus import AREAS, area_of

LANGS = ("ja", "en")
WRONG = {"check": "statement", "ja": "正しくない選択肢です (理由は解説を参照)。",
         "en": "Not the correct option (the explanation says why)."}
# Topic groups: a knowledge set holds questions of one group (a 中項目 of the syllabus; small ones merged),
# one sub-item per question where the group has enough, as the real exam groups 3–4 questions on one topic.
GROUPS = {"1-1": "1-1", "1-2": "1-2", "1-3": "1-3", "2-1": "2", "3-1": "3-1", "3-2": "3-2", "3-3": "3-3",
          "3-4": "3-4", "3-5": "3-5", "3-6": "3-5", "3-7": "3-7", "4-1": "4-1", "4-3": "4-1", "4-2": "4-2",
          "4-4": "4-4", "4-5": "4-4", "4-6": "4-6", "4-7": "4-7", "4-8": "4-8", "4-9": "4-8", "5-1": "5",
          "5-2": "5", "5-3": "5", "5-4": "5"}


def group_of(item):
    """The topic group of a syllabus item ('3-6-1' -> '3-5': RNN, seq2seq and Transformer go together)."""
    return GROUPS.get("-".join(item.split("-")[:2]), item.split("-")[0])


def _bank_files():
    root = resources.files("examprep.exam") / "bank"
    for area in sorted(p for p in root.iterdir() if p.name.startswith("area")):
        for path in sorted((p for p in area.iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name):
            yield f"{area.name}/{path.name}", path.read_text(encoding="utf-8")


def _entry(raw, item, where, set_info=None):
    entry = dict(raw)
    entry["item"] = str(entry.get("item", item))
    entry["file"] = where
    entry["set"] = set_info
    return entry


@lru_cache(maxsize=1)
def load():
    """(items, sets): every stand-alone bank entry, and every scenario as {id, intro, code, item, entries}."""
    items, sets = [], []
    for where, text in _bank_files():
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}  # libyaml: 9x faster
        item = str(data.get("item", ""))
        for raw in data.get("questions", []) or []:
            items.append(_entry(raw, item, where))
        for raw in data.get("sets", []) or []:
            info = {"id": raw.get("id"), "intro": raw.get("intro"), "code": raw.get("code"), "file": where}
            entries = [_entry(q, str(raw.get("item", item)), where, info) for q in raw.get("questions", []) or []]
            sets.append(dict(info, item=str(raw.get("item", item)), entries=entries))
    return items, sets


def _bilingual(value):
    return isinstance(value, dict) and all(isinstance(value.get(k), str) and value[k].strip() for k in LANGS)


def problems_of(entry):
    """What is wrong with one bank entry (empty when it is well formed)."""
    out = []
    name = f"{entry['file']}:{entry.get('id')}"
    if not isinstance(entry.get("id"), str) or not entry["id"]:
        out.append(f"{name}: no id")
    if area_of(entry["item"]) not in AREAS or entry["item"].count("-") != 2:
        out.append(f"{name}: bad item {entry['item']!r}")
    elif f"area{area_of(entry['item'])}/" not in entry["file"]:
        out.append(f"{name}: item {entry['item']} filed under another area")
    for field in ("stem", "explanation"):
        if not _bilingual(entry.get(field)):
            out.append(f"{name}: {field} needs ja and en")
    if not isinstance(entry.get("source"), str) or len(entry["source"].strip()) < 5:
        out.append(f"{name}: no source")
    options = entry.get("options")
    if not isinstance(options, list) or len(options) != 4 or not all(_bilingual(o) for o in options):
        out.append(f"{name}: needs exactly four options with ja and en")
    else:
        for lang in LANGS:
            if len({" ".join(o[lang].split()) for o in options}) != 4:
                out.append(f"{name}: options not distinct in {lang}")
    if not isinstance(entry.get("key"), int) or isinstance(entry.get("key"), bool) or not 0 <= entry["key"] < 4:
        out.append(f"{name}: key must be one index 0..3")
    return out


def validate():
    """Every structural problem of the bank, as lines (empty: the bank is sound)."""
    items, sets = load()
    out = []
    entries = items + [e for s in sets for e in s["entries"]]
    for entry in entries:
        out += problems_of(entry)
    seen = {}
    for entry in entries:
        if entry.get("id") in seen:
            out.append(f"{entry['file']}:{entry['id']}: id also used in {seen[entry['id']]}")
        seen[entry.get("id")] = entry["file"]
    for s in sets:
        if not 3 <= len(s["entries"]) <= 4:
            out.append(f"{s['file']}:{s['id']}: a scenario holds 3–4 questions")
        if s["intro"] is not None and not _bilingual(s["intro"]):
            out.append(f"{s['file']}:{s['id']}: intro needs ja and en")
    return out


def question(entry, seed, set_id, label=None):
    """The Question of one bank entry, options shuffled by seed."""
    rng = random.Random(f"bank:{entry['id']}:{seed}")
    order = list(range(4))
    rng.shuffle(order)
    options = []
    for i in order:
        texts = {k: entry["options"][i][k].strip() for k in LANGS}
        right = i == entry["key"]
        options.append(Option(texts["en"], right, verdict=None if right else WRONG, texts=texts))
    info = entry["set"] or {}
    stem = {k: entry["stem"][k].strip() for k in LANGS}
    if info.get("intro"):
        stem = {k: info["intro"][k].strip() + "\n\n" + stem[k] for k in LANGS}
    key = next(i for i, o in enumerate(options) if o.correct)
    area = area_of(entry["item"])
    code = info.get("code")
    return Question(id=f"bank:{entry['id']}:s{seed}", kind="knowledge", problem=None, template=f"bank:{entry['id']}",
                    area=area, section=AREAS[area]["ja"], item=entry["item"], stem=stem,
                    explanation={k: entry["explanation"][k].strip() for k in LANGS}, options=options, key=key,
                    answer=options[key].text, code=code.rstrip("\n") + "\n" if code else None,
                    label=label if code and marker(label or "") in code else None, set_id=set_id, seed=seed,
                    source=entry["source"].strip())


def scenario(s, seed):
    """The questions of one authored scenario set, in the file's order."""
    set_id = f"bank:{s['id']}:s{seed}"
    out = []
    for entry in s["entries"]:
        out.append(question(entry, seed, set_id, label=entry.get("label")))
    return out


def by_area():
    """{area: {"items": {item: [entry]}, "sets": [scenario]}} of the whole bank."""
    items, sets = load()
    out = {k: {"items": {}, "sets": []} for k in AREAS}
    for entry in items:
        out[area_of(entry["item"])]["items"].setdefault(entry["item"], []).append(entry)
    for s in sets:
        out[area_of(s["item"])]["sets"].append(s)
    return out
