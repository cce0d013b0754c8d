"""Formula-choice questions from the families: every option evaluated against the reference, then four chosen.

FAMILIES holds every family in a fixed order (the order an exam draws them in, so a seed gives the same exam).
"""
import random
import zlib

import numpy as np

from examprep.exam.formula import architectures, outputs, training
from examprep.exam.model import Option, Question
from examprep.problem.syllabus import AREAS, area_of

PROOF_DRAWS = 5
ORDER = ("softmax", "cross_entropy", "sigmoid_grad", "tanh_grad", "adam_step", "momentum_step", "rmsprop_step", "conv_size",
         "deconv_size", "attention", "lstm_cell", "he_init", "l2_grad", "kl_formula")
FAMILIES = {fid: {**outputs.FAMILIES, **training.FAMILIES, **architectures.FAMILIES}[fid] for fid in ORDER}


def draws(family_id):
    """The PROOF_DRAWS seeded ordinary inputs every option of the family is evaluated on."""
    family = FAMILIES[family_id]
    rng = np.random.default_rng(zlib.crc32(family_id.encode()))
    return [family["inputs"](rng) for _ in range(PROOF_DRAWS)]


def _agrees(fn, samples, reference):
    out = []
    for s in samples:
        with np.errstate(all="ignore"):
            try:
                got = np.asarray(fn(s), dtype=float)
            except (ValueError, FloatingPointError, ZeroDivisionError):
                out.append(False)
                continue
        want = np.asarray(reference(s), dtype=float)
        out.append(got.shape == want.shape and bool(np.all(np.isfinite(got)))
                   and np.allclose(got, want, rtol=1e-5, atol=1e-8))
    return out


_PROOFS = {}


def prove(family_id):
    """{option text: (agrees on every draw, disagrees on every draw)} against the reference, cached per process."""
    if family_id not in _PROOFS:
        family = FAMILIES[family_id]
        samples = draws(family_id)
        result = {}
        for text, fn, *_ in [family["key"]] + family["wrong"]:
            if fn is None:
                result[text] = (False, False)
                continue
            agree = _agrees(fn, samples, family["reference"])
            result[text] = (all(agree), not any(agree))
        _PROOFS[family_id] = result
    return _PROOFS[family_id]


def formula_question(family_id, seed, set_id=None):
    """One formula-choice question: the key and three distractors proven wrong on every draw, shuffled by seed."""
    family = FAMILIES[family_id]
    proof = prove(family_id)
    key_text = family["key"][0]
    if not proof[key_text][0]:
        raise RuntimeError(f"formula family {family_id}: the key disagrees with the reference")
    usable = [(text, slip) for text, fn, slip in family["wrong"] if slip is not None and proof[text][1]]
    rng = random.Random(f"formula:{family_id}:{seed}")
    if len(usable) < 3:
        raise RuntimeError(f"formula family {family_id}: fewer than three proven distractors")
    chosen = rng.sample(usable, 3)
    options = [Option(key_text, True)] + [Option(text, False, verdict={"check": "formula", **slip}, operator="formula")
                                          for text, slip in chosen]
    rng.shuffle(options)
    key = next(i for i, o in enumerate(options) if o.correct)
    area = area_of(family["item"])
    return Question(id=f"formula:{family_id}:s{seed}", kind="formula", problem=None, template=f"formula:{family_id}",
                    area=area, section=AREAS[area]["ja"], item=family["item"], stem=dict(family["stem"]),
                    explanation=dict(family["explanation"]), options=options, key=key, answer=key_text,
                    set_id=set_id or f"formula:{family_id}:s{seed}", seed=seed, source=family["source"])
