"""The knowledge question bank (examprep/exam/bank/): every item well formed, every examined sub-item covered."""
import json
import re

import pytest

from examprep.exam import knowledge
from examprep.exam.model import Question

# Syllabus sub-items examined (scope E or mix in ../shared/syllabus-items.md): each needs at least 5 bank items.
EXAMINED = ["1-1-2", "1-2-2", "1-2-3", "1-2-4", "1-3-1", "2-1-11", "2-1-12",
            "3-1-1", "3-1-2", "3-1-3", "3-1-4", "3-2-2", "3-4-1", "3-4-2", "3-4-3", "3-5-1", "3-5-2", "3-5-3",
            "3-6-1", "3-7-1", "3-7-2", "3-7-3",
            "4-1-1", "4-2-1", "4-2-2", "4-3-1", "4-4-1", "4-4-2", "4-4-3", "4-6-1", "4-6-2", "4-6-3", "4-6-4",
            "4-6-5", "4-7-1", "4-7-2", "4-8-1", "4-8-4", "4-9-1",
            "5-2-1", "5-3-1", "5-4-1"]


def _entries():
    items, sets = knowledge.load()
    return items + [e for s in sets for e in s["entries"]]


def test_the_bank_is_well_formed():
    assert knowledge.validate() == []


def test_the_validator_catches_broken_items():
    good = dict(_entries()[0])
    assert knowledge.problems_of(good) == []
    broken = [dict(good, options=good["options"][:3]),
              dict(good, options=good["options"][:3] + [good["options"][0]]),
              dict(good, key=4), dict(good, key=True), dict(good, source=""),
              dict(good, stem={"ja": "問"}), dict(good, explanation={"en": "why"}),
              dict(good, item="9-9-9"), dict(good, item="4-1-1")]
    for entry in broken:
        assert knowledge.problems_of(entry), entry


@pytest.mark.parametrize("item", EXAMINED)
def test_every_examined_sub_item_has_five_items(item):
    assert sum(1 for e in _entries() if e["item"] == item) >= 5


def test_every_area_is_in_the_bank():
    assert {e["item"][0] for e in _entries()} == set("12345")


def test_no_option_shows_its_arithmetic():
    """An option that shows how it was computed (`784×100 + … = …`) is spotted on sight."""
    for e in _entries():
        assert not any(re.search(r"\d\s*[+×]\s*\d.*=", o["en"]) for o in e["options"]), e["id"]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_key_is_not_told_by_its_length(lang):
    """"Pick the longest option" must not work, in either language: the key may be longest in some items (a correct
    statement needs its qualifiers), no more often than chance (one in four), and never by a quarter (the
    twenty-sixth examination: universal approximation's key, 1.46 times the next, was picked by its length)."""
    entries = _entries()
    longest, far = 0, []
    for e in entries:
        lengths = [len(o[lang]) for o in e["options"]]
        other = max(n for i, n in enumerate(lengths) if i != e["key"])
        longest += lengths[e["key"]] > other
        if lengths[e["key"]] > 1.25 * other:
            far.append(e["id"])
    assert longest < 0.25 * len(entries) and not far, (longest / len(entries), far)


def test_questions_are_made_with_shuffled_options_and_round_trip():
    entries = _entries()
    positions = set()
    for e in entries:
        q = knowledge.question(e, 11, "set")
        assert q.kind == "knowledge" and q.source and q.options[q.key].correct
        assert sum(o.correct for o in q.options) == 1
        assert q.options[q.key].texts == {k: v.strip() for k, v in e["options"][e["key"]].items()}
        assert len({o.shown("ja") for o in q.options}) == 4 and len({o.shown("en") for o in q.options}) == 4
        positions.add(q.key)
        again = Question.from_json(json.loads(json.dumps(q.to_json())))
        assert again == q
    assert positions == {0, 1, 2, 3}
