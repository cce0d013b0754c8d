"""The registry of calculation templates and drawing questions from it.

TEMPLATES: template id -> (function, weight when mixing); the order is the order questions are drawn in (the
first templates, then those of areas 1, 4 and 5, then the multi-step ones of issue 16, then the scenario sets of
three that turned singles into sets), so a seed gives the same
exam. MULTI_STEP: the multi-step templates, whose keys tests/test_exam_calc_steps.py recomputes independently.
"""
import random

from examprep.exam.calc import applied, cnn, evaluation, foundations, networks, optimizers, outputs
from examprep.exam.calc.question import Redraw

MAX_DRAWS = 100

TEMPLATES = {   # id -> (function, weight when mixing)
    "conv_layer": (cnn.conv_layer, 3),
    "pool_output_size": (cnn.pool_output_size, 1),
    "receptive_field": (cnn.receptive_field, 1),
    "affine_params": (networks.affine_params, 1),
    "softmax_value": (outputs.softmax_value, 1),
    "cross_entropy_value": (outputs.cross_entropy_value, 1),
    "entropy_value": (foundations.entropy_value, 1),
    "kl_value": (foundations.kl_value, 1),
    "adam_step": (optimizers.adam_step, 1),
    "momentum_step": (optimizers.momentum_step, 1),
    "metrics": (evaluation.metrics, 2),
    "bayes_posterior": (foundations.bayes_posterior, 2),
    "box_iou": (evaluation.box_iou, 2),
    "dqn_target": (applied.dqn_target, 1),
    "vit_tokens": (applied.vit_tokens, 1),
    "word2vec_params": (applied.word2vec_params, 1),
    "int8_quantize": (applied.int8_quantize, 1),
    "model_memory": (applied.model_memory, 1),
    "adam_t": (optimizers.adam_t, 1),
    "receptive_field_strided": (cnn.receptive_field_strided, 1),
    "kl_gaussians": (foundations.kl_gaussians, 1),
    "attention_params": (networks.attention_params, 1),
    "ap_ranked": (evaluation.ap_ranked, 1),
    "eigen_2x2": (foundations.eigen_2x2, 1),
    "binomial_prob": (foundations.binomial_prob, 1),
    "gauss_mle": (foundations.gauss_mle, 1),
    "mutual_information": (foundations.mutual_information, 1),
    "roc_auc": (evaluation.roc_auc, 1),
    "perplexity": (evaluation.perplexity, 1),
    "deconv_output": (cnn.deconv_output, 1),
    "grouped_params": (cnn.grouped_params, 1),
    "mixup_loss": (outputs.mixup_loss, 1),
    "weight_decay_step": (optimizers.weight_decay_step, 1),
    "entropy_kl": (foundations.entropy_kl, 1),
    "softmax_ce": (outputs.softmax_ce, 1),
    "adam_two_steps": (optimizers.adam_two_steps, 1),
}
MULTI_STEP = ("adam_t", "receptive_field_strided", "kl_gaussians", "attention_params", "ap_ranked", "eigen_2x2",
              "binomial_prob", "gauss_mle", "mutual_information", "roc_auc", "perplexity", "deconv_output",
              "grouped_params", "mixup_loss", "weight_decay_step", "entropy_kl", "softmax_ce",
              "adam_two_steps")


def calc_set(template_id, seed):
    """The questions of one template drawn with this seed (numbers redrawn until the options are distinct)."""
    function, _ = TEMPLATES[template_id]
    rng = random.Random(f"calc:{template_id}:{seed}")
    set_id = f"calc:{template_id}:s{seed}"
    for _ in range(MAX_DRAWS):
        try:
            return function(rng, seed, set_id)
        except Redraw:
            continue
    raise RuntimeError(f"template {template_id} found no distinct options in {MAX_DRAWS} draws (seed {seed})")


def calc_questions(count, seed):
    """About count calc questions (whole sets), templates drawn by weight."""
    rng = random.Random(f"calc-mix:{seed}")
    ids = list(TEMPLATES)
    weights = [TEMPLATES[i][1] for i in ids]
    out = []
    n = 0
    while len(out) < count:
        template = rng.choices(ids, weights)[0]
        out += calc_set(template, seed * 1000 + n)
        n += 1
    return out
