"""Distractor rules that need the problem, not only the statement: what its listing defines and which
conventions its drill accepts (a fourth examination, issue 16). proof._mutants leaves the mutants they name
ungraded and never shown, like distractors.give_away_whatever_verdict's.

- An argument order of a function the listing imports from the reference package without showing it (the
  problem's `given:`; mfcc's `mel_filterbank(n_filters, n_fft, fs)`, `stft_power(x, n_fft, hop, window)`): the
  listing does not show its signature, and libraries differ (librosa's `mel(sr, n_fft, n_mels)`), so the question
  cannot be answered from it. Kept: the book's functions and layers (BOOK: ゼロから作るDeep Learning 1 and 2,
  whose code the exam follows: `im2col(input_data, filter_h, filter_w, stride, pad)`, `Convolution(W, b, stride,
  pad)`, `cross_entropy_error(y, t)`), NumPy's, the standard library's, the listing's own names, and method calls
  (`layer.forward(x)`, `attention.forward(Q, K, V)`: the book's layer interface).
- An argument order that the listing's own definitions show: the call's arguments, all names, are a definition's
  parameters in the same order, its other parameters aside (time_bilstm's `def __init__(self, Wx1, Wh1, b1, Wx2,
  Wh2, b2, stateful=False)` above the blank `TimeLSTM(Wx1, Wh1, b1, stateful)`, whose order-only options the
  seventh examination called given away: seed 11 Q58, seed 13 Q57). Any mutant that only permutes the arguments
  goes, whatever its operator; a call whose arguments no definition lists in that order keeps them, and so does
  NumPy's (`np.meshgrid(scales, ratios, indexing='ij')` in `def anchors(scales, ratios)`: its order is NumPy's).
- A statement of one of the problem's `conventions:` (lp_pool's GeM `np.mean(np.abs(col) ** p, axis=1) ** (1 /
  p)`): another convention the drill accepts is a second defensible answer, even where the grader rejects the
  single line because the listing's other lines (the backward) follow the drill's convention.
- An expression the problem's `exam_not_offered:` names, where the reference statement does not have it: an option
  right in the listing, wrong only by what the listing does not show (ordinal_encoding's `np.arange(K + 1)`: its
  decoder counts p > 0.5 over any number of columns, so K + 1 thresholds decode as K - 1 do; the drill's
  convention, not shown, says K - 1). Named in the problem's data, as it is a fact of that listing alone.
- A value less a statistic of itself made a sum (`xc = x + mu` for `x - mu` where `mu = x.mean(...)`,
  upsample's `lx = src_x + x0` where `x0 = np.floor(src_x).astype(int)`): centring by adding the mean, the
  offset in a cell by adding its corner, which no one writes (ninth examination, seed 13 Q35 / Q48, seed 11
  Q56). The operands swapped (`mu - x`, a sign) and the statistic left out (`x`) stay; so does a sum of a value
  and a statistic of something else (`x + self.b`), and a gradient's (`dxn + np.mean(dxn, ...)`: a backward
  formula's sign is a slip learners make).
"""
import ast
import functools
import re

from examprep.common import pyast
from examprep.exam.code.blanks import statement
from examprep.exam.line_forms import one_statement
from examprep.exam.code.rule_nodes import calls, same
from examprep.hole.mutation_operators import is_module_call
from examprep.problem import source

ORDER_OPERATORS = {"swap_arguments"}
# The functions and layer classes of ゼロから作るDeep Learning 1 and 2 (common/functions.py, util.py, layers.py,
# time_layers.py), whose signatures the exam takes as known (shared exam notes: the conventions the exam follows).
BOOK = {"sigmoid", "relu", "softmax", "cross_entropy_error", "numerical_gradient", "im2col", "col2im",
        "Relu", "Sigmoid", "Affine", "SoftmaxWithLoss", "SigmoidWithLoss", "Dropout", "BatchNormalization",
        "Convolution", "Pooling", "MatMul", "Embedding", "EmbeddingDot", "RNN", "TimeRNN", "LSTM", "TimeLSTM", "GRU",
        "TimeGRU", "TimeEmbedding", "TimeAffine", "TimeSoftmaxWithLoss", "TimeDropout", "WeightSum",
        "AttentionWeight", "Attention", "TimeAttention"}


def _imported_helpers(answer):
    """Names the answer file imports from the reference package (the problem's `given:`), whose definitions its
    listing does not show."""
    return {alias.asname or alias.name for n in pyast.parse(answer).body
            if isinstance(n, ast.ImportFrom) and (n.module or "").split(".")[0] == "reference" for alias in n.names}


def _unshown_order(original, mutant, helpers):
    """Whether the mutant reorders the arguments of a plain-name call to an imported helper not of the book."""
    for a, b in zip(calls(original), calls(mutant)):
        if same(a, b) or not isinstance(a.func, ast.Name):
            continue
        if a.func.id in helpers and a.func.id not in BOOK:
            return True
    return False


def _parameter_lists(answer):
    """The parameters of each function the answer file defines, `self` left out."""
    return tuple(tuple(a.arg for a in n.args.args if a.arg != "self") for n in ast.walk(pyast.parse(answer))
                 if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)))


def _in_order(names, parameters):
    """Whether names are parameters in this order, others between them allowed."""
    rest = iter(parameters)
    return all(name in rest for name in names)


def _order_defined(original, mutant, parameter_lists):
    """Whether the mutant only permutes the arguments of a call whose arguments (two or more, all names) a
    definition of the listing takes in the key's order."""
    for a, b in zip(calls(original), calls(mutant)):
        if same(a, b):
            continue
        if is_module_call(a):   # NumPy's order comes from its own signature (np.meshgrid's), not the listing's
            return False
        names = [x.id for x in a.args if isinstance(x, ast.Name)]
        permuted = sorted(map(ast.dump, a.args)) == sorted(map(ast.dump, b.args)) and \
            list(map(ast.dump, a.keywords)) == list(map(ast.dump, b.keywords)) and ast.dump(a.func) == ast.dump(b.func)
        return permuted and len(names) == len(a.args) >= 2 and any(_in_order(names, p) for p in parameter_lists)
    return False


class _SelfDropped(ast.NodeTransformer):
    """`self.out` read as `out`: a convention's class and the reference's keep their state under either name."""

    def visit_Attribute(self, node):
        self.generic_visit(node)
        if isinstance(node.value, ast.Name) and node.value.id == "self":
            return ast.Name(id=node.attr, ctx=node.ctx)
        return node


def _statements(text):
    """{dump of each simple statement of text, `self.` dropped}."""
    out = set()
    for node in ast.walk(pyast.parse(text)):
        if isinstance(node, ast.stmt) and not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                                 ast.ClassDef, ast.If, ast.For, ast.While,
                                                                 ast.With, ast.Try)):
            out.add(ast.dump(_SelfDropped().visit(node)))
    return out


@functools.lru_cache(maxsize=256)
def _convention_statements(answer, texts):
    """The statements the conventions' implementations (texts) write that the reference answer does not."""
    written = set()
    for text in texts:
        written |= _statements(text)
    return written - _statements(answer)


def _convention_texts(problem):
    texts = []
    for convention in getattr(problem, "conventions", None) or []:
        for _, target in convention.pairs():
            try:
                texts.append(source.definition_text(target.module, target.name))
            except (LookupError, ImportError, OSError):
                continue   # the catalog's tests check every convention imports; an exam does without it
    return tuple(texts)


def _named_expressions(problem):
    """{dump} of the expressions the problem's exam_not_offered names."""
    return {ast.dump(pyast.parse(e["expression"], mode="eval").body)
            for e in getattr(problem, "exam_not_offered", None) or []}


def _names_one(original, mutant, named):
    """Whether the mutant has one of the named expressions that the reference statement does not have, or its whole
    value is one (sampling_decode's `kth = np.sort(logits)`, a part of the reference's `np.sort(logits)[-top_k]`)."""
    kinds = {d.split("(", 1)[0] for d in named}   # only nodes of a named node's type are dumped

    def found(tree):
        return {ast.dump(n) for n in ast.walk(tree) if type(n).__name__ in kinds} & named
    value = getattr(mutant, "value", None)
    whole = isinstance(value, ast.AST) and ast.dump(value) in named and \
        ast.dump(value) != ast.dump(getattr(original, "value", None) or original)
    return bool(found(mutant) - found(original)) or whole


# The calls whose result is a reference point of their array: its mean, its floor or ceiling, its extremes.
STATISTICS = {"mean", "average", "median", "floor", "ceil", "round", "max", "min"}


def _statistic_of(node):
    """The dump of the array a statistic call reads (`np.mean(x, axis=-1)`, `xg.mean(axis=2)`,
    `np.floor(src_x).astype(int)`), or None."""
    while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "astype":
        node = node.func.value
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in STATISTICS):
        return None
    if is_module_call(node):
        return ast.dump(node.args[0]) if node.args else None
    return ast.dump(node.func.value)


@functools.lru_cache(maxsize=256)
def _statistics(answer):
    """{(dump of a name the answer assigns a statistic, dump of the array it is a statistic of)}."""
    out = set()
    for n in ast.walk(pyast.parse(answer)):
        if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], (ast.Name, ast.Attribute)):
            of = _statistic_of(n.value)
            if of is not None:
                target = n.targets[0]
                out.add((ast.dump(ast.Name(id=target.id, ctx=ast.Load())) if isinstance(target, ast.Name)
                         else ast.dump(ast.Attribute(value=target.value, attr=target.attr, ctx=ast.Load())), of))
    return frozenset(out)


def _statistic_added(original, mutant, statistics):
    """Whether the mutant adds to a value a statistic of it that the reference subtracts (`x + mu`, `x +
    np.max(x, axis=1, keepdims=True)`); statistics: _statistics of the answer."""
    def pairs(tree, op):
        return {(ast.dump(n.right), ast.dump(n.left)) for n in ast.walk(tree)
                if isinstance(n, ast.BinOp) and isinstance(n.op, op)}
    inline = {(ast.dump(n.right), ast.dump(n.left)) for n in ast.walk(mutant) if isinstance(n, ast.BinOp)
              and isinstance(n.op, ast.Add) and _statistic_of(n.right) == ast.dump(n.left)}
    added = (pairs(mutant, ast.Add) - pairs(original, ast.Add)) & pairs(original, ast.Sub) & (statistics | inline)
    return any(not _gradient(of) for _, of in added)


def _gradient(dump):
    """Whether a dumped expression is a gradient's name (`dxn`, `self.dout`): a backward formula's signs are slips
    learners make."""
    return bool(re.match(r"(Name\(id|Attribute\(.*attr)='d[a-z_]", dump))


def not_offered(problem, muts):
    """Indices of the mutants (hole.mutants.Mutant) that these rules rule out for the problem."""
    answer = source.reference_answer(problem)
    helpers = _imported_helpers(answer)
    conventions = _convention_statements(answer, _convention_texts(problem))
    named = _named_expressions(problem)
    parameters = _parameter_lists(answer)
    statistics = _statistics(answer)
    out = set()
    for i, m in enumerate(muts):
        try:
            # the reference line's tree shared (line_forms.one_statement; read only here), so the rules' per-node
            # memos hit across its mutants; the mutant's own, as _SelfDropped rewrites it
            original, mutant = one_statement(m.original) or statement(m.original), statement(m.text)
        except SyntaxError:
            continue
        if m.operator in ORDER_OPERATORS and _unshown_order(original, mutant, helpers) or \
                _order_defined(original, mutant, parameters):
            out.add(i)
        elif conventions and ast.dump(_SelfDropped().visit(mutant)) in conventions:
            out.add(i)
        elif named and _names_one(original, mutant, named):
            out.add(i)
        elif statistics and _statistic_added(original, mutant, statistics):
            out.add(i)
    return out
