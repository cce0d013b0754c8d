"""What a mock exam already asks (examprep.exam.compose): no two questions with the same stem, options or code
answer, one concept asked once (CONCEPTS) and never beside a listing that prints it (SHOWN), the repeat rules of
examprep.exam.same_fact and examprep.exam.sum_facts across sets, no source behind MAX_PER_SOURCE questions.
"""
import re

from examprep.exam.giveaways import LEAK_MIN, answer_value, squeeze as _squeeze
from examprep.exam.layout_facts import layout_facts
from examprep.exam.same_fact import asks_a_fact, renamed_shape, same_fact
from examprep.exam.sum_facts import SUM_MEAN_MOST, swaps_sum_mean

MAX_PER_SOURCE = 8               # questions from one template, bank item, formula family or problem
# Questions that ask the same thing from different sources (a bank item, a formula family, a scenario blank, a code
# problem): an exam asks each concept once. Keys are templates ("bank:<id>", "formula:<id>", a scenario's template)
# or problem ids; a code problem stands for every concept listed for it.
CONCEPTS = {
    "formula:attention": "sdpa", "bank:scaled-dot": "sdpa", "scenario:attention:scores": "sdpa",
    "bank:multihead": "mha_heads",
    "formula:momentum_step": "momentum", "bank:momentum": "momentum", "momentum": "momentum",
    "formula:sigmoid_grad": "sigmoid_grad", "bank:sigmoid-layer-backward": "sigmoid_grad", "sigmoid_layer": "sigmoid_grad",
    "formula:l2_grad": "l2_grad", "bank:weight-decay": "l2_grad",
    "formula:he_init": "he", "bank:xavier-he": "he", "weight_init": "he",
    "formula:deconv_size": "deconv", "bank:transposed-conv": "deconv",
    "formula:lstm_cell": "lstm_cell", "scenario:lstm:c_next": "lstm_cell", "bank:peephole-forget": "lstm_cell",
    "bank:lstm-params": "lstm_params", "lstm_params": "lstm_params",
    "formula:softmax": "softmax", "softmax": "softmax", "softmax_with_loss": "softmax",
    "formula:cross_entropy": "ce", "cross_entropy": "ce", "bank:ce-onehot": "ce",
    "formula:adam_step": "adam", "adam": "adam", "bank:adam-bias": "adam",
    "formula:rmsprop_step": "rmsprop", "rmsprop": "rmsprop", "bank:adagrad-rmsprop": "rmsprop",
    "formula:tanh_grad": "tanh_grad", "tanh": "tanh_grad",
    "formula:conv_size": "conv_size", "conv2d": "conv_size", "bank:padding-same": "conv_size",
    "formula:kl_formula": "kl", "bank:cross-entropy-decomp": "kl",
    "bank:softmax-ce-grad": "softmax_loss_grad", "softmax_with_loss:grad": "softmax_loss_grad",
    "bank:relu-backward": "relu_backward", "relu_layer": "relu_backward",
    "bank:affine-backward": "affine_backward", "affine": "affine_backward",
    "bank:dropout-train-test": "dropout", "dropout": "dropout",
    "bank:nms": "nms", "nms_count": "nms", "bank:iou-def": "iou", "box_iou": "iou",
    "torch:he-init": "he", "torch:dropout-scale": "dropout", "torch:softmax-dim": "softmax",   # the PyTorch track
    # a calculation whose stem states, or whose method is, another question's answer (the momentum calc prints the
    # update rule formula:momentum_step asks for; formula:conv_size's key is how the conv calc is solved)
    "momentum_step": "momentum", "conv_output_size": "conv_size", "cross_entropy_value": "ce",
    "weight_decay_step": "l2_grad", "adam_step": "adam", "adam_t": "adam", "adam_two_steps": "adam",
    "bank:mlp-param-count": "mlp_params", "affine_params": "mlp_params",
    "bank:pool-output": "pool_size", "pool_output_size": "pool_size",
    # a fourth re-grade: the scenario's causal mask beside attention_masks' causal-mask blank (both triu, k=1), and
    # the MixUp loss calc beside the mixup listing (its loss line is λ·CE(y, t_a) + (1 − λ)·CE(y, t_b)) or the bank
    # item whose key mixes the labels with the same λ
    "scenario:attention:mask": "causal_mask", "attention_masks": "causal_mask", "torch:causal-mask": "causal_mask",
    "mixup_loss": "mixup", "mixup": "mixup", "bank:mixup": "mixup",
    # the scenarios' listings are these problems' forward passes: their code sets ask the same lines again
    "lstm_cell": "lstm_cell", "scaled_dot_product_attention": "sdpa",
    # a final re-grade: l1_penalty's sign(W) against the L2 gradient's λW (each one's key the other's wrong
    # option); dropconnect's weight and bias gradients are affine's; the pooling listings print the output size
    # the pooling calc asks
    "l1_penalty": "l2_grad", "dropconnect": "affine_backward", "lp_pool": "pool_size", "avg_pooling": "pool_size",
    "max_pooling": "pool_size",
    # the final re-grade's seed 13: the ordinal-regression item's key ("K − 1 binary problems 'is y > k?'") is
    # ordinal_encoding's comparison blank
    "bank:ordinal": "ordinal", "ordinal_encoding": "ordinal",
    # final re-grade 3 (facts6; dilated_conv's conv output size is SHOWN's + 2 * pad, not a table entry: a table
    # entry would tie its whole set to every listing that prints the size, conv2d_naive's too): the KL calc's stem prints formula:kl_formula's key; the deconv calc is solved by transposed_conv's size; the
    # stride-1 receptive field is the strided one's special case (and the bank item's 5x5 is the same sum); the
    # seq2seq item asks what the seq2seq listing shows; BatchNorm's and Dropout's eval() are one fact (model.eval()
    # switches both); depthwise_conv's listing is a grouped conv with groups == C (the grouped-params calc's count)
    "kl_value": "kl", "deconv_output": "deconv", "transposed_conv": "deconv",
    "receptive_field": "receptive_field", "receptive_field_strided": "receptive_field",
    "bank:receptive-field": "receptive_field", "bank:seq2seq": "seq2seq", "seq2seq": "seq2seq",
    "torch:bn-eval": "eval_mode", "torch:eval-dropout": "eval_mode", "grouped_params": "grouped_params",
    "torch:permute-reshape": "nhwc_rows",
    # the seventh examination's seed 13: the IoU calc (box_iou) asks a value the iou_box listing's union line
    # `inter / (area + areas - inter)` computes (Q80 beside Q95)
    "iou_box": "iou",
    # the scenario sets of three (calc/foundations.entropy_kl, calc/outputs.softmax_ce) ask what these singles and
    # bank items ask: the set's entropy is entropy_value's, its KL kl_value's, its probability softmax_value's, its
    # loss cross_entropy_value's, its gradient y − t bank:softmax-ce-grad's key
    "entropy_value": "entropy", "entropy_kl_h": "entropy", "entropy_kl_kl": "kl",
    "softmax_value": "softmax_prob", "softmax_ce_prob": "softmax_prob", "softmax_ce_loss": "ce",
    "softmax_ce_grad": "softmax_loss_grad",
    # the tenth examination's seed 12 (Q11 beside Q17): the bank item's key is the formula the metrics calc's
    # precision is worked out by; the same for F1's 2PR / (P + R)
    "bank:precision-def": "precision", "metrics_precision": "precision", "bank:f1-def": "f1", "metrics_f1": "f1",
    # the eleventh examination's seed 13: BatchNorm's running statistics at inference (shown by every listing that
    # keeps them, below)
    "bank:bn-train-test": "bn_inference",
    # the twelfth examination, seed 11: the grouped-params calc's stem describes the depthwise and the 1x1 pointwise
    # convolution (bank:pointwise's key, Q35 beside Q22); the logsumexp listing subtracts the maximum, softmax's
    # blank and bank:softmax-invariance's key (Q47 beside Q74 and Q53)
    "bank:pointwise": "grouped_params", "bank:depthwise-separable": "grouped_params",
    "bank:softmax-invariance": "softmax", "logsumexp": "softmax",
    # the twenty-second examination, seed 13 (Q59 beside Q45): softmax_temperature's blank `x - np.max(x, axis=-1,
    # keepdims=True)` is logsumexp's printed `m = np.max(x, axis=axis, keepdims=True)` then `x - m`
    "softmax_temperature": "softmax",
    # seed 13 (Q70 beside Q44, Q57 beside Q52): the MSE gradient item's stem prints the sum of squared error the
    # definition item asks; the ReLU properties item's key is the ReLU backward item's
    "bank:mse-def": "mse", "bank:mse-grad": "mse", "bank:relu-props": "relu_backward",
    # seed 12 Q23 beside Q64: the simple RNN's count offers the LSTM's 4(DH + H² + H) as an option, and its key is
    # the LSTM count's one-gate slip
    "bank:rnn-params": "lstm_params",
    # seed 12 Q30 (the attention scenario's mask stem: "each position attends only to itself and earlier
    # positions") beside bank:masked-attention (Q22)
    "bank:masked-attention": "causal_mask",
    # seed 12 Q92 beside Q93: BERT's item offers GPT's pre-training as its distractor
    "bank:bert-pretrain": "lm_pretrain", "bank:gpt-objective": "lm_pretrain",
    # the thirteenth examination, seed 12: group_norm's title and listing say what instance norm averages over
    # (Q66 beside bank:norm-axes, Q31)
    "bank:norm-axes": "norm_axes", "group_norm": "norm_axes",
    # the LSTM scenario's weight-sharing question (in place of Wx's shape) is the bank item's fact
    "scenario:lstm:shared": "rnn_sharing", "bank:rnn-weight-sharing": "rnn_sharing",
    # the fourteenth examination, seed 12 (Q62 beside Q49, Q59, Q63): im2col's output (N·OH·OW, C·FH·FW) is the row
    # layout the conv listings print
    "bank:im2col-shape": "nhwc_rows",
    # seed 13 (Q32 beside Q56): the gates' roles are the LSTM scenario's c_next blank
    "bank:lstm-gates": "lstm_cell",
    # the sixteenth examination, seed 13 (Q23 beside Q46 / Q47): the multiplication node's backward, asked by the bank
    # item and printed by the listings that swap a product's inputs (SHOWN); comp_graph_nodes asks it as code
    "bank:chain-rule": "mul_node", "comp_graph_nodes": "mul_node",
    # the eighteenth examination: a bank item about a component beside that component's whole listing, which rules
    # its distractors out (seed 13 Q37 beside pointwise_conv's Q63, Q38 beside conv2d_naive's Q42, Q50 beside
    # group_norm's Q51 (its gamma / beta scale and shift the normalised values); seed 11 Q26, grouped_conv's count
    # read off its listing's W of (FN, Cg, FH, FW))
    "pointwise_conv": "grouped_params", "bank:grouped-conv": "grouped_params", "grouped_conv": "grouped_params",
    "bank:conv-params-shared": "conv_sharing", "conv2d_naive": "conv_sharing",
    "bank:bn-gamma-beta": "norm_axes",
    # the twentieth examination, seed 13 (Q38 beside Q42 / Q43): the filter's (FN, C, FH, FW) is what a conv listing
    # unpacks from self.W.shape (SHOWN)
    "bank:conv-channels": "filter_shape",
}
# Concepts a set's listing shows in print (a code set's, a scenario's), by rule: the listing shows the answer of the
# question that asks the concept (the conv calc's (H + 2P - F) // S + 1 in im2col's, the pooling layers' and
# depthwise_conv's out_h; seq2seq's rn(D, 4 * H) the LSTM parameter count; the DAE's and the LSTM scenario's
# 1 - h ** 2 the tanh gradient; softmax's sum over the class axis torch:softmax-dim's dim; the NHWC rows of
# x.transpose(0, 2, 3, 1).reshape(-1, C) torch:permute-reshape's key). A listing that shows a concept does not meet a
# question that asks it; two listings that both show it may (neither asks it).
SHOWN = [
    (re.compile(r"\+ 2 \* (self\.)?pad\b"), "conv_size"),
    (re.compile(r"\b4 \* H\)"), "lstm_params"),
    (re.compile(r"\b1 - ((self\.)?\w+|np\.tanh\([\w.]+\)) \*\* 2\b"), "tanh_grad"),
    # the twenty-sixth examination, seed 12 (Q50 and Q75 beside Q86-88): wavenet_block's backward prints both gates'
    # derivatives, `self.sg * (1 - self.tf ** 2)` and `self.tf * self.sg * (1 - self.sg)`
    (re.compile(r"\b((self\.)?\w+) \* \(1(\.0)? - \1\)|\(1(\.0)? - ((self\.)?\w+)\) \* \5\b"), "sigmoid_grad"),
    (re.compile(r"np\.sum\(\w+, axis=(-1|1), keepdims=True\)"), "softmax"),
    (re.compile(r"\.transpose\(0, 2, 3, 1\)\.reshape\(-1, C\w*\)"), "nhwc_rows"),
    (re.compile(r"\.reshape\(N, out_h, out_w, "), "nhwc_rows"),
    (re.compile(r"\.reshape\(-1, C \* (self\.)?\w+_h \* (self\.)?\w+_w\)"), "nhwc_rows"),
    # the eleventh examination: Nesterov's listing prints momentum's velocity update (seed 12 Q70 beside Q27), the
    # BatchNorm listings the running statistics used at inference (seed 13 Q37 beside Q28), TimeAffine's backward
    # affine's dx and db (seed 13 Q49 beside Q65)
    (re.compile(r"momentum \* self\.v\[\w+\] - self\.lr \* grads\[\w+\]"), "momentum"),
    (re.compile(r"running_mean\b"), "bn_inference"),
    (re.compile(r"np\.dot\(dout, (self\.)?W\.T\)"), "affine_backward"),
    # the twelfth examination, seed 11 (Q27 beside Q73): Adam's and AdaGrad's update lines are RMSprop's, a step
    # divided by a square root, subtracted
    (re.compile(r"params\[key\] -= self\.lr \* .+ / \(np\.sqrt\("), "rmsprop"),
    # the thirteenth examination, seed 12 (Q34 beside Q28): a backward that prints softmax minus the one-hot target
    # (time_softmax_with_loss' `dx[np.arange(N * T), ts] -= 1`, softmax_with_loss' `(self.y - self.t)`)
    (re.compile(r"\[np\.arange\([^\]]*\), *\w+\] -= 1\b|\(self\.y - self\.t\)"), "softmax_loss_grad"),
    # seed 11 (Q29 beside Q53): bank:lp-pool's stem writes out the Lp pooling the lp_pool listing's blank computes
    (re.compile(r"\(Σ \|x\|\^p\)\^\(1/p\)"), "pool_size"),
    # the fourteenth examination, seed 11 (Q57 beside Q46): a Time layer that builds every step from one parameter
    # set (`LSTM(*self.params)`) prints the weight sharing the LSTM scenario and bank:rnn-weight-sharing ask
    (re.compile(r"\b(LSTM|RNN|GRU)\(\*self\.params\)"), "rnn_sharing"),
    # the sixteenth examination, seed 13 (Q23 beside Q46 / Q47): a backward that gives each input of a product the
    # upstream gradient times the other input (attention_weight's `dhs = dt * hr` / `dhr = dt * hs`, MulLayer's
    # `dx = dout * self.y` / `dy = dout * self.x`) prints the multiplication node's rule
    (re.compile(r"\bd(\w+) = (d\w+) \* (self\.)?(\w+)\n\s*d\4 = \2 \* (self\.)?\1\b"), "mul_node"),
    (re.compile(r"\bFN, C\w*, FH, FW = self\.W\.shape"), "filter_shape"),
    # the twenty-seventh examination, seed 12 (Q50 beside Q46 / Q47): a listing that joins the heads (`concat =
    # merge_heads(heads)`, then `np.dot(concat, W_o)`) prints how multi-head attention splits, joins and projects
    (re.compile(r"\bmerge_heads\("), "mha_heads"),
]
SHOWN_BY = {"depthwise_conv": ("grouped_params",)}   # its listing's per-channel filters: the grouped-conv count


class Seen:
    """What an exam already asks: no two questions with the same stem or options, no two code questions with the
    same answer, no source (template, bank item, formula family, problem) behind more than MAX_PER_SOURCE."""

    def __init__(self):
        self.stems, self.options, self.answers, self.sources, self.items = set(), set(), set(), {}, set()
        self.concepts = {}
        self.shows = {}   # concept -> the first source whose listing shows it (SHOWN)
        self.code = []   # code questions asked, for same_fact
        self.sum_means = 0   # code questions asked whose options swap sum and mean (sum_facts.swaps_sum_mean)

    @staticmethod
    def source(q):
        return q.problem or q.template or q.id

    @staticmethod
    def concept(q):
        return CONCEPTS.get(q.problem or q.template)

    @staticmethod
    def asked(q):
        """The concepts a question asks: its source's (CONCEPTS) and, for a code blank, the layout facts its key asks
        (examprep.exam.layout_facts: a listing that prints im2col's row order meets no blank asking it, the twelfth
        examination's seed 12 Q34 beside Q40)."""
        out = {Seen.concept(q)} - {None}
        return out | layout_facts(q) if getattr(q, "problem", None) else out

    @staticmethod
    def shown(q):
        """The concepts a question's listing, its stem (the LSTM scenario's dc_prev prints o * (1 - np.tanh(c_next)
        ** 2)) or a code key (depthwise_conv's dout.transpose(0, 2, 3, 1).reshape(-1, C), torch:permute-reshape's
        answer) shows in print and does not ask (SHOWN, SHOWN_BY)."""
        key = (q.answer or "") if getattr(q, "problem", None) else ""
        code = "\n".join((q.code or "", (q.stem or {}).get("en") or "", key))
        out = {c for pattern, c in SHOWN if pattern.search(code)} | set(SHOWN_BY.get(q.problem or q.template, ()))
        return out - Seen.asked(q)

    @staticmethod
    def answer_forms(q):
        """A code question's answer as written and, when it is an assignment or a return, its value (`self.db =
        np.sum(dout, axis=0)` and `db = np.sum(dout, axis=0)` ask the same), values shorter than LEAK_MIN left out."""
        forms = {_squeeze(q.answer)}
        value = answer_value(q.answer)
        if value is not None and len(value) >= LEAK_MIN:
            forms.add(value)
            # the same line up to names in another problem is a repeat (affine's np.dot(x, W) + b, time_affine's)
            shape = renamed_shape(q.answer)
            if shape is not None:
                forms.add(shape)
        return forms

    def fits(self, q):
        stem = _squeeze(q.stem["en"] + (q.label or "") + (q.code or "" if q.label else ""))
        options = frozenset(_squeeze(o.text) for o in q.options)
        return (stem not in self.stems and (not options or options not in self.options)
                and not (q.problem and self.answer_forms(q) & self.answers)
                and not (asks_a_fact(q) and any(same_fact(q, other) for other in self.code))
                and not (asks_a_fact(q) and self.sum_means >= SUM_MEAN_MOST and swaps_sum_mean(q))
                and all(self.concepts.get(c, self.source(q)) == self.source(q) == self.shows.get(c, self.source(q))
                        for c in self.asked(q))
                and all(self.concepts.get(c, self.source(q)) == self.source(q) for c in self.shown(q))
                and self.sources.get(self.source(q), 0) < MAX_PER_SOURCE)

    def add(self, q):
        self.stems.add(_squeeze(q.stem["en"] + (q.label or "") + (q.code or "" if q.label else "")))
        if q.options:
            self.options.add(frozenset(_squeeze(o.text) for o in q.options))
        if q.problem:
            self.answers |= self.answer_forms(q)
        if asks_a_fact(q):
            self.code.append(q)
            self.sum_means += swaps_sum_mean(q)
        self.sources[self.source(q)] = self.sources.get(self.source(q), 0) + 1
        self.items.add(q.item)
        for c in self.asked(q):
            self.concepts.setdefault(c, self.source(q))
        for c in self.shown(q):
            self.shows.setdefault(c, self.source(q))

    def concept_taken(self, source):
        """Whether a source's concept is asked or shown by another source (fits would reject its questions)."""
        concept = CONCEPTS.get(source)
        return concept is not None and (self.concepts.get(concept, source) != source or
                                        self.shows.get(concept, source) != source)

    def exhausted(self, source):
        """Whether every question of a source (a problem id) would be rejected: its concept is asked by another
        source, or it is behind MAX_PER_SOURCE questions."""
        return self.concepts.get(CONCEPTS.get(source), source) != source or \
            self.sources.get(source, 0) >= MAX_PER_SOURCE

    def take(self, questions, most=None):
        """The questions of a set that fit, in order (each added), at most `most` of them."""
        out = []
        for q in questions:
            if most is not None and len(out) == most:
                break
            if self.fits(q):
                self.add(q)
                out.append(q)
        return out
