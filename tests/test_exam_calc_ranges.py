"""Calculation options a learner can rule out on sight, from the tenth examination (main cfb07fa, the calc
examiner): another question's key of the same set (metrics), a value outside the range the quantity can take (an
entropy above log K, a perplexity below 1, a softmax-cross-entropy gradient outside (-1, 1)), and the true class's
gradient, whose options give the set's probability away (softmax_ce)."""
import math

import pytest

from examprep.exam.calc import templates as calc_templates

SEEDS = range(120)


def _values(q):
    return [float(o.text) for o in q.options]


def test_no_metrics_option_is_another_measure_of_the_set():
    for seed in SEEDS:
        qs = calc_templates.calc_set("metrics", seed)
        keys = {q.template: q.options[q.key].text for q in qs}
        for q in qs:
            others = {k for t, k in keys.items() if t != q.template}
            wrong = {o.text for i, o in enumerate(q.options) if i != q.key}
            assert not wrong & others, (seed, q.template, wrong & others)


@pytest.mark.parametrize("template", ["entropy_value", "entropy_kl"])
def test_entropy_options_lie_between_zero_and_log_k(template):
    for seed in SEEDS:
        for q in calc_templates.calc_set(template, seed):
            if q.template not in ("entropy_value", "entropy_kl_h"):
                continue
            k = len(q.params["p"])
            top = math.log2(k) if q.params.get("base") == 2 else math.log(k)
            assert all(0 <= v <= top + 5e-4 for v in _values(q)), (seed, _values(q), top)


def test_perplexity_options_are_at_least_one():
    for seed in SEEDS:
        (q,) = calc_templates.calc_set("perplexity", seed)
        assert min(_values(q)) >= 1, (seed, _values(q))


def test_softmax_ce_asks_a_wrong_class_gradient_within_its_range():
    for seed in SEEDS:
        qs = {q.template: q for q in calc_templates.calc_set("softmax_ce", seed)}
        grad = qs["softmax_ce_grad"]
        assert grad.params["grad_class"] != grad.params["labels"][0]
        assert all(-1 < v < 1 for v in _values(grad)), (seed, _values(grad))
        # no option of the gradient is the probability asked beside it, nor its complement
        prob = qs["softmax_ce_prob"].options[qs["softmax_ce_prob"].key].text
        assert prob not in {o.text for o in grad.options}


def test_softmax_ce_loss_is_the_batchs_and_no_loss_option_is_log_of_the_probability():
    """The twenty-fourth examination (seed 12 Q58 / Q59): the key's −log y_k was the only loss option whose y a
    probability option held; the twenty-fifth: loss options made as −log of the probability's options scored one
    calculation twice. The loss is a two-input batch's mean: no option is −log of the probability's key, and the
    gradient's options hold the division by N (the key) and its omission."""
    for seed in SEEDS:
        qs = {q.template: q for q in calc_templates.calc_set("softmax_ce", seed)}
        prob = qs["softmax_ce_prob"].options[qs["softmax_ce_prob"].key].value
        assert f"{-math.log(prob):.3f}" not in {o.text for o in qs["softmax_ce_loss"].options}, seed
        grad = qs["softmax_ce_grad"]
        assert len(grad.params["z"]) == 2 and grad.params["grad_class"] != grad.params["labels"][0]
        # no value offered by both the probability and the gradient (y1_j there would be a wrong class's)
        assert not {o.text for o in qs["softmax_ce_prob"].options} & {o.text for o in grad.options}, seed
        if "no_batch_mean" not in {o.operator for o in grad.options}:   # left out only as another question's key
            y1 = math.exp(grad.params["z"][0][grad.params["grad_class"]]) / sum(map(math.exp, grad.params["z"][0]))
            assert f"{y1:.3f}" in {q.answer for q in qs.values()}, seed


def test_f1_offers_one_other_mean_at_most_and_no_fixed_rank():
    """The twenty-fifth examination: F1's distractors were always the product, the geometric and the arithmetic mean
    of P and R, so the key was always the second smallest option and two of them gave P and R (the set's other keys)
    back. One of those at most now, and the key's rank among the options varies."""
    ranks = set()
    for seed in SEEDS:
        for q in calc_templates.calc_set("metrics", seed):
            if q.template == "metrics_f1":
                means = {o.operator for o in q.options} & {"arithmetic_mean", "geometric_mean", "product"}
                assert len(means) <= 1, (seed, means)
                assert all(0 <= v <= 1 for v in _values(q)), seed
                ranks.add(sorted(_values(q)).index(float(q.answer)))
    assert len(ranks) >= 3, ranks


def test_no_distractor_lies_within_one_percent_of_a_key_with_decimals():
    """The twenty-sixth examination, seed 12 Q51: MixUp's "probabilities mixed before the log" was 0.713 beside the
    key 0.715, where the right calculation with two-decimal logs lands."""
    from examprep.exam.calc.question import NEAR

    checked = 0
    for template in calc_templates.TEMPLATES:
        for seed in range(12):
            for q in calc_templates.calc_set(template, seed):
                if "." not in q.answer:
                    continue
                key = q.options[q.key].value
                for o in q.options:
                    if not o.correct:
                        assert abs(float(o.text) - float(q.answer)) >= NEAR * abs(key) - 1e-12, (template, seed, o.text)
                        checked += 1
    assert checked > 500
