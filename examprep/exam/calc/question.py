"""One calculation question from its key and a template's slips: the options as shown, distinct, shuffled.

Shared by every template (and the scenario sets): calc_question() keeps the first three slips that differ
from the key and each other as displayed, Redraw asks the template for new numbers, and the number helpers
(signed, probabilities) keep the stems' numbers in one format.
"""
import math
from decimal import ROUND_HALF_UP, Decimal

from examprep.exam.model import Option, Question
from examprep.problem.syllabus import AREAS, area_of


class Redraw(Exception):
    """The drawn numbers make two options look the same: draw again."""


def rounded_text(value, decimals):
    """The value rounded half up (四捨五入, as the stems say) to `decimals`, from its shortest repr (2.3125 ->
    2.313, not Python's half-to-even 2.312)."""
    text = str(Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))
    return text.lstrip("-") if Decimal(text) == 0 else text


BASE_SLIPS = ("log2", "log10", "other_base")
NEAR = 0.01   # the least relative distance of a distractor from a key with decimals


def calc_question(qid, template, item, stem, explanation, key, slips, decimals, rng, set_id, seed, params, code=None):
    """A calc question with the key and the first three slips that differ from it (and each other) as shown,
    none within one unit of the last decimal of the key (rounding intermediate values can land there); `code`: the
    listing of a scenario set whose stem speaks of it (an LSTM's parameter count beside its listing's blank).

    slips: [(slip id, value, {ja, en} description)]. Raises Redraw when fewer than three remain.
    """
    scaled = key * 10 ** decimals
    if decimals and abs(scaled - math.floor(scaled) - 0.5) < 1e-6:
        raise Redraw()   # a rounding tie: "rounded to N decimals" would not say which way
    key_text = rounded_text(key, decimals)
    seen = {key_text}
    wrong = []
    for slip, value, text in slips:
        if value is None or not math.isfinite(value):
            continue
        # one log-base slip at most: the key beside both its base-2 and base-10 values (× 1.443, ÷ 2.303) is the
        # middle of a telltale triple (the fourteenth examination, five entropy / KL / loss questions)
        if slip in BASE_SLIPS and any(o.operator in BASE_SLIPS for o in wrong):
            continue
        shown = rounded_text(value, decimals)
        if shown in seen or (decimals == 0 and value < 1):
            continue
        # One unit of the last decimal away from the key is what rounding intermediate results can give (F1 from
        # rounded precision and recall): such an option could be right for a careful learner, so it is not offered;
        # nor, for a value worked out with logs or roots, one within NEAR of it (MixUp's probabilities mixed before
        # the log, 0.713 beside the key 0.715, is where two-decimal logs land: the twenty-sixth examination)
        if decimals and abs(float(shown) - float(key_text)) < max(1.5 * 10 ** -decimals, NEAR * abs(key)):
            continue
        seen.add(shown)
        wrong.append(Option(shown, False, verdict={"check": "slip", "ja": text["ja"], "en": text["en"]},
                            operator=slip, value=float(value)))
        if len(wrong) == 3:
            break
    if len(wrong) < 3:
        raise Redraw()
    options = [Option(key_text, True, value=float(key))] + wrong
    rng.shuffle(options)
    area = area_of(item)
    return Question(id=qid, kind="calc", problem=None, template=template, area=area, section=AREAS[area]["ja"],
                    item=item, stem=stem, code=code, explanation=explanation, options=options,
                    key=next(i for i, o in enumerate(options) if o.correct), answer=key_text, set_id=set_id,
                    seed=seed, params=params)


def signed(x):
    """A number for a formula: negative ones in parentheses."""
    return f"({x:g})" if x < 0 else f"{x:g}"


def probabilities(rng, n):
    """n probabilities in steps of 0.05 that add up to 1, none zero."""
    cuts = sorted(rng.sample(range(1, 20), n - 1))
    parts = [b - a for a, b in zip([0] + cuts, cuts + [20])]
    return [p / 20 for p in parts]


def within(slips, low=-math.inf, high=math.inf):
    """The slips whose value lies in [low, high], the range the quantity asked can take (an entropy above log K, a
    perplexity below 1, a softmax gradient outside (-1, 1) is ruled out on sight: the tenth examination)."""
    return [s for s in slips if s[1] is None or low - 1e-12 <= s[1] <= high + 1e-12]


def scenario_set(name, item, scenario, asks, decimals, rng, set_id, seed, params):
    """The questions of one scenario (its numbers in every stem), each asking one of `asks`:
    [(part, template, question ja, question en, key, {ja, en} explanation, slips)], the question without its rounding
    ("rounded to N decimals" is added). No option is another question's key (a
    learner who answered one question would rule it out on sight in the next) or its complement 1 − key (softmax_ce's
    loss slip "gave 1 − y" beside the question asking y: the one option of the first question that a second's option
    adds up to 1 with is its key; the sixteenth examination, seed 12 Q74); Redraw when two keys look the same."""
    keys = {rounded_text(ask[4], decimals) for ask in asks}
    if len(keys) < len(asks):
        raise Redraw()
    out = []
    for part, template, question_ja, question_en, key, explanation, slips in asks:
        others = keys | {rounded_text(1 - ask[4], decimals) for ask in asks if ask[0] != part}
        slips = [s for s in slips if s[1] is None or rounded_text(s[1], decimals) not in others]
        stem = {"ja": f"{scenario['ja']}{question_ja} (小数第 {decimals} 位まで四捨五入)。",
                "en": f"{scenario['en']} {question_en}, rounded to {decimals} decimals?"}
        out.append(calc_question(f"calc:{name}:s{seed}:{part}", template, item, stem, explanation, key, slips,
                                 decimals, rng, set_id, seed, params))
    return out
