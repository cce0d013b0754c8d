"""Choosing a blank's three distractors among its proven-wrong mutants: no give-aways, different behaviours."""
import re

BLUNT_OPERATORS = {"negate", "first_operand"}
# Distractors that are ruled out on sight or right on ordinary inputs (issue 16): a perturbed float constant (an
# epsilon 1e-7 -> 2e-7 or 5e-08, a β of 1.8), an integer made 0 or 1 where it is arithmetic (`** 1`, `0 / (...)`,
# `1 *`), an attribute the class does not have, and a mutation the grader rejects only on an edge case (extreme
# logits, a probability of exactly 0): on ordinary inputs it computes the right thing.
NONSENSE_INT = re.compile(r"\*\*\s*[013]\b|(?<![\w.])0\s*[/*]|[/*]\s*0\b(?!\.)|(?<![\w.])1\s*\*|\*\s*1\b(?!\.)")
EDGE_CASES = ("extreme", "exactly 0", "overflow", "underflow", "±1000", "huge", "tiny")


def give_away(entry, fill):
    """Whether a proven-wrong mutant is still not a fair exam distractor (see NONSENSE_INT, EDGE_CASES)."""
    if entry["operator"] == "float_perturbed":
        return True
    if entry["operator"] == "int_off_by_one" and NONSENSE_INT.search(fill):
        return True
    verdict = entry.get("verdict") or {}
    if "AttributeError" in (verdict.get("en") or "") + (verdict.get("what") or ""):
        return True
    return any(word in (verdict.get("case") or "").lower() for word in EDGE_CASES)



def pick_distractors(pairs, rng, count=3):
    """Up to count (entry, text) pairs with different texts and verdicts.

    Mutations a learner actually makes (axis, keepdims, transpose, sign, sum/mean ...) come
    before the blunt ones (the whole value negated, or replaced by its first operand), and
    different operators before repeats.
    """
    pairs = [(entry, fill) for entry, fill in pairs if not give_away(entry, fill)]
    rng.shuffle(pairs)
    chosen, texts, signatures, operators = [], set(), set(), set()
    for allow_blunt, prefer_new_operator in ((False, True), (False, False), (True, True), (True, False)):
        for entry, fill in pairs:
            if len(chosen) == count:
                return chosen
            norm = " ".join(fill.split())
            if norm in texts or entry["signature"] in signatures:
                continue
            if entry["operator"] in BLUNT_OPERATORS and not allow_blunt:
                continue
            if prefer_new_operator and entry["operator"] in operators:
                continue
            chosen.append((entry, fill))
            texts.add(norm)
            signatures.add(entry["signature"])
            operators.add(entry["operator"])
    return chosen
