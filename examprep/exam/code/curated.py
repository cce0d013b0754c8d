"""Classic mistakes as exam distractors: the problems' named ones (`mistakes:`, implemented in reference/mistakes/)
and the wrong answers of tests/components/<id>/wrong/ (shipped as line_mistakes.json, examprep.dev.line_mistakes).

A mistake's implementation is the reference with a statement or two written wrong (attention's scores not divided
by √d_k, a forget gate left out of dc_prev). Each statement it writes differently from the reference, at the same
place of the same function, is the reference with that one line replaced: a mutant like the mechanical ones
(hole.mutants), operator "mistake", proven by the grader in the same run and offered before them
(distractors.pick_distractors), since it is a mistake learners are known to make.

The statements are aligned function by function (methods by name; a function target with the mistake's function):
both bodies flattened in order, compound statements by their kind and header, so only a statement written
differently at the same place pairs up; a body with a statement added or removed gives nothing.
"""
import ast
import functools
import importlib
import inspect
import json
import textwrap
from dataclasses import replace
from importlib import resources

from examprep.common import pyast
from examprep.hole import holes
from examprep.hole.mutants import Mutant
from examprep.problem import source

OPERATOR = "mistake"
MAX_CHANGES = 3   # statements a mistake may write differently to be taken line by line
DATA = "line_mistakes.json"   # tests/components' wrong answers as data (examprep.dev.line_mistakes)
# Classic mistakes that are not fair exam distractors (issue 16, third re-grade): {(problem, mistake name): why}.
# The drills keep them (tests/components, reference/mistakes); an exam option is judged on the listing alone,
# which does not show the problem's convention.
NOT_OFFERED = {
    ("avg_pooling", "max_of_window"): "the stem's title says average pooling: max is ruled out by the title, not "
                                       "by the concept (the tenth examination, seed 13 Q75)",
    ("lp_pool", "no_absolute_value"): "PyTorch's LPPool2d is (Σ x^p)^(1/p), without |x| (the problem's convention "
                                      "text says so; the stem cannot): a second defensible answer (a final re-grade)",
    ("sgd", "rebinds"): "params[key] = params[key] - lr·grad is SGD; only the layers' shared arrays (not shown) "
                        "need the in-place update",
    ("random_search", "ranges_swapped"): "the ranges are not in the listing: both are log-uniform draws",
    ("photometric_aug", "clockwise"): "the listing does not say which way k turns",
    ("photometric_aug", "no_clip"): "the listing does not say the pixels are in [0, 1]",
    ("photometric_aug", "transpose_only"): "a conditional expression no one writes, set apart by its form",
    ("depthwise_conv", "dW_summed_over_channels"): "np.broadcast_to(...) set apart by its form",
    ("roi_align", "max_of_samples"): "Mask R-CNN aggregates the samples by max or average",
    ("gru_cell", "reset_after_matmul"): "PyTorch's GRU (r after the product): another formulation",
    ("mixup", "lam_swapped"): "the listing may hide which example λ weighs (mixup_data blanked)",
    ("transposed_conv", "output_size_H_times_S"): "W·S is the size for kernel = stride (2, no padding) and "
                                                  "kernel 4, stride 2, padding 1: the usual up-samplings",
    ("bootstrap_bagging", "global_random"): "np.random draws the same bootstrap distribution",
    ("fcos_centerness", "side_counts_inside"): ">= 0 differs from > 0 only for a point exactly on the border",
    ("ctc_forward_loss", "log_probs_added_as_probabilities"): "a conditional expression no one writes",
    ("matmul", "dx_without_transpose"): "`W.T if W.shape[0] != W.shape[1] else W`: a form no one writes",
    ("frame_window", "frame_start_times_width"): "return x[idx] rewritten as the whole framing: another step's job",
    ("frame_window", "frames_of_len_over_stride"): "return x[idx] rewritten as the whole framing: another step's job",
    ("pixelwise_softmax_ce", "mean_over_classes_too"): "the return rewritten as the one-hot product: another step's job",
    ("hard_negative_mining", "ascending"): "redoes the masking of the line above (np.where(pos_mask, np.inf, ...))",
    ("vit_patch_embed", "no_position_on_cls"): "np.concatenate([np.zeros_like(...), ...]): set apart by its form",
    ("mfcc", "preemphasis_drops_first"): "x[1:] - alpha * x[:-1] is the textbook y[n] = x[n] - a x[n-1]; only the "
                                         "drill's convention (the length kept) makes it wrong, which the listing does "
                                         "not state (eighth examination, seed 13 Q87)",
    # Right in the listing, wrong only by what it does not show (final re-grades, issue 16); the drills state it.
    ("random_search", "natural_exp"): "np.exp(rng.uniform(-6, -2)) is a log-scale draw too; only the hidden "
                                      "range 10^-6 ... 10^-2 makes it wrong",
    ("ordinal_encoding", "reversed_columns"): "the listing's decoder counts p > 0.5, so it reads either column order; "
                                              "the order 1[y > k] is stated only in the drill's convention",
    ("split_heads", "heads_last"): "an interleaved split is undone exactly by the merge option transpose(0, 2, 3, 1): "
                                   "a consistent pair when both blanks are asked",
    ("upsample", "nearest_spreads_mass"): "nearest up-sampling divided by s**2 (average pooling's adjoint): a "
                                          "slip no learner makes for nearest-neighbour up-sampling, np.tile is "
                                          "the line's real mistake (ninth examination, seed 11 Q40)",
    ("pointwise_conv", "mixes_pixels"): "x_row + np.roll(x_row, 1, axis=0) over the flattened N·H·W rows wraps across "
                                        "image rows and images: a form no one writes for a 1×1 convolution "
                                        "(final re-grade 3)",
}
_BLOCKS = (ast.For, ast.AsyncFor, ast.While, ast.If, ast.With, ast.AsyncWith, ast.Try)


def _flat(body):
    """[(kind, statement)] of a body in order: simple statements ("stmt"), compound ones by their header."""
    out = []
    for node in body:
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            continue   # a docstring
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue   # aligned on their own (_functions)
        if isinstance(node, _BLOCKS):
            header = {k: ast.dump(v) for k, v in ast.iter_fields(node)
                      if k not in ("body", "orelse", "finalbody", "handlers") and isinstance(v, ast.AST)}
            out.append(("block", (type(node).__name__, tuple(sorted(header.items())))))
            for field in ("body", "orelse", "finalbody"):
                out.append(("field", field))
                out += _flat(getattr(node, field, []) or [])
            for handler in getattr(node, "handlers", []) or []:
                out.append(("block", ("handler", ast.dump(handler.type) if handler.type else None, handler.name)))
                out += _flat(handler.body)
        else:
            out.append(("stmt", node))
    return out


def _functions(node):
    """{qualified name as holes.Candidate.target writes it: function node} of a top-level class or function."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return {node.name: node}
    return {f"{node.name}.{child.name}": child for child in node.body
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))}


def _pairs(ref_fn, wrong_fn):
    """[(reference statement, mistake's statement)] written differently at the same place, or [] when the bodies
    do not align (a statement added, removed or moved into another block)."""
    a, b = _flat(ref_fn.body), _flat(wrong_fn.body)
    if len(a) != len(b):
        return []
    out = []
    for (kind_a, x), (kind_b, y) in zip(a, b):
        if kind_a != kind_b:
            return []
        if kind_a != "stmt":
            if x != y:
                return []
        elif ast.dump(x) != ast.dump(y):
            out.append((x, y))
    return out


def _segment(text, node):
    lines = text.splitlines()[node.lineno - 1:node.end_lineno]
    return textwrap.dedent("\n".join(lines))


def _top(tree, name):
    return next((n for n in tree.body if isinstance(n, (ast.ClassDef, ast.FunctionDef)) and n.name == name), None)


def _renamed(ours, theirs):
    """The functions of `theirs` (a class or function of another name) under the names of `ours`."""
    if isinstance(theirs, ast.ClassDef):
        return {f"{ours.name}.{k.split('.', 1)[1]}": v for k, v in _functions(theirs).items()}
    return {ours.name: theirs}


def aligned(answer, wrong, names, text):
    """[(where, reference statement, wrong statement)] (statement texts dedented; where: holes.Candidate.target)
    of a wrong answer: `wrong` a module defining the targets `names` under their own names (a wrong answer of
    tests/components), or one class or function standing for one of them under another name (a `mistakes:`
    implementation). [] when it rewrites more than MAX_CHANGES statements."""
    tree = pyast.parse(answer)
    targets = [t for t in (_top(tree, name) for name in names) if t is not None]
    found = []
    if isinstance(wrong, ast.Module):
        for target in targets:
            theirs = _top(wrong, target.name)
            if theirs is not None and isinstance(theirs, ast.ClassDef) == isinstance(target, ast.ClassDef):
                ours, mine = _functions(target), _functions(theirs)
                found += [(name, *pair) for name in ours if name in mine for pair in _pairs(ours[name], mine[name])]
    else:
        best = None
        for target in targets:
            if isinstance(target, ast.ClassDef) != isinstance(wrong, ast.ClassDef):
                continue
            ours, theirs = _functions(target), _renamed(target, wrong)
            pairs = []
            for name in ours:
                if name in theirs:
                    got = _pairs(ours[name], theirs[name])
                    same = sum(kind == "stmt" for kind, _ in _flat(ours[name].body)) - len(got)
                    # Of several targets, only a function that is mostly the same is the one the mistake rewrites.
                    if got and (len(targets) == 1 or same >= max(1, len(got))):
                        pairs += [(name, *pair) for pair in got]
            if pairs and (best is None or len(pairs) < len(best)):
                best = pairs
        found = best or []
    if len(found) > MAX_CHANGES:
        return []   # a rewrite, not a mistake in a line or two
    return [(where, _segment(answer, ours), _segment(text, theirs)) for where, ours, theirs in found
            if _same_role(ours, theirs)]


def _assigned(node):
    """The dumps of what a statement assigns (None: it assigns nothing)."""
    if isinstance(node, ast.Assign):
        return [ast.dump(t) for t in node.targets]
    if isinstance(node, (ast.AugAssign, ast.AnnAssign)):
        return [ast.dump(node.target)]
    return None


def _same_role(ours, theirs):
    """Whether the wrong statement does the reference's job: assigning the same names (`params[key] = params[key] -
    ...` for `params[key] -= ...`; not `dout = dout * self.mask` where the reference computes dx: another step
    moved), a call for its effect written as an assignment (`dW[self.idx] += dout` for `np.add.at(dW, ...)`), or
    the same kind of statement."""
    if isinstance(ours, ast.Return) and isinstance(ours.value, ast.Name):
        # `return loss` written as the whole computation (`return -np.mean(np.log(y[...]))`): the steps above
        # do that job; only another name returned is a mistake of this line.
        return isinstance(theirs, ast.Return) and isinstance(theirs.value, ast.Name)
    a, b = _assigned(ours), _assigned(theirs)
    if a is not None and b is not None:
        return a == b
    if (a is None) != (b is None):
        return isinstance(ours if a is None else theirs, ast.Expr)
    return type(ours) is type(theirs)


def _mistake_source(target):
    try:   # read once a process (source.module_text); inspect.getsource re-reads and tokenises the file
        return source.definition_text(target.module, target.name)
    except LookupError:   # not a top-level definition of its module
        obj = getattr(importlib.import_module(target.module), target.name)
        return textwrap.dedent(inspect.getsource(obj))


@functools.lru_cache(maxsize=1)
def _shipped():
    """{problem id: [{"name", "where", "original", "text"}]}: tests/components' wrong answers as data
    (examprep.dev.line_mistakes)."""
    try:
        return json.loads(resources.files("examprep.exam.code").joinpath(DATA).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def entries(problem):
    """[(where, original, text)] of a problem: its `mistakes:` implementations, then its shipped wrong answers."""
    answer = source.reference_answer(problem)
    names = [t.name for t in problem.targets]
    out = []
    for mistake in getattr(problem, "mistakes", None) or []:
        if (problem.id, mistake.name) in NOT_OFFERED:
            continue
        try:
            text = _mistake_source(mistake.target)
            out += _aligned_text(answer, text, tuple(names))
        except (ImportError, AttributeError, OSError, TypeError, SyntaxError, IndexError):
            continue   # the catalog's tests check every mistake imports; an exam does without it
    out += [(e["where"], e["original"], e["text"]) for e in _shipped().get(problem.id, [])
            if (problem.id, e["name"]) not in NOT_OFFERED]
    return out


@functools.lru_cache(maxsize=1024)
def _aligned_text(answer, text, names):
    """aligned() of a `mistakes:` implementation's source `text` (the first statement of it), once a process
    for the same texts (the exam's proof cache key reads every problem's classic mistakes)."""
    return tuple(aligned(answer, pyast.parse(text).body[0], list(names), text))


def _dump(text):
    try:
        return ast.dump(pyast.parse(text))
    except SyntaxError:
        return None


class _Spelling(ast.NodeTransformer):
    """`None` in an index as `np.newaxis`, `astype(float)` as `astype(np.float64)`: the reference's spelling."""

    def __init__(self, newaxis, float64):
        self.newaxis, self.float64 = newaxis, float64

    def visit_Subscript(self, node):
        self.generic_visit(node)
        if self.newaxis:
            index = node.slice
            elts = index.elts if isinstance(index, ast.Tuple) else [index]
            for i, e in enumerate(elts):
                if isinstance(e, ast.Constant) and e.value is None:
                    elts[i] = ast.parse("np.newaxis", mode="eval").body
            if not isinstance(index, ast.Tuple):
                node.slice = elts[0]
        return node

    def visit_Call(self, node):
        self.generic_visit(node)
        if (self.float64 and isinstance(node.func, ast.Attribute) and node.func.attr == "astype" and node.args
                and isinstance(node.args[0], ast.Name) and node.args[0].id == "float"):
            node.args[0] = ast.parse("np.float64", mode="eval").body
        return node


def in_reference_spelling(original, new):
    """A wrong answer's statement with the synonyms it writes otherwise than the reference statement spelled as
    there (`y[:, None]` beside the reference's `y[:, np.newaxis]`, `.astype(float)` beside `.astype(np.float64)`):
    the same program, whose option no longer stands out by its form (third re-grade, issue 16)."""
    newaxis, float64 = "np.newaxis" in original, "np.float64" in original
    if not (newaxis and "None" in new) and not (float64 and "float" in new):
        return new
    try:
        tree = pyast.parse(new)
    except SyntaxError:
        return new
    before = ast.dump(tree)
    tree = ast.fix_missing_locations(_Spelling(newaxis, float64).visit(tree))
    return new if ast.dump(tree) == before else ast.unparse(tree)


def mutants(problem, cands):
    """The mistake mutants of a problem's candidate lines ([Mutant], operator "mistake"): a mistake's line put in
    place of the candidate it rewrites (same function, same statement), each once."""
    found = entries(problem)
    if not found:
        return []
    answer = source.reference_answer(problem)
    by_statement = {}
    for cand in cands:
        by_statement.setdefault((cand.target, _dump(textwrap.dedent(cand.text))), cand)
    out, seen = [], set()
    for where, original, new in found:
        new = in_reference_spelling(original, new)
        if _dump(new) == _dump(original):
            continue   # written otherwise, the same statement (its file's mistake is in another line)
        cand = by_statement.get((where, _dump(original)))
        key = (cand.index, _dump(new)) if cand is not None else None
        if cand is None or key[1] is None or key in seen:
            continue
        seen.add(key)
        lines = [cand.indent + line if line.strip() else "" for line in new.splitlines()]
        full = holes.replace_lines(answer, [(cand.start, cand.end, lines)])
        out.append(Mutant(cand.index, cand.start, cand.target, OPERATOR, cand.text, new, full))
    return out


def with_mistakes(problem, cands, muts):
    """The mechanical mutants with the mistake ones: a mechanical mutant that is a named mistake (the same
    statement) becomes a mistake one in place; the others are added after them (the indices of the mechanical
    ones do not move)."""
    extra = mutants(problem, cands)
    if not extra:
        return muts
    index = {(m.candidate, _dump(m.text)): i for i, m in enumerate(muts)}
    muts = list(muts)
    for m in extra:
        key = (m.candidate, _dump(m.text))
        if key in index:
            muts[index[key]] = replace(muts[index[key]], operator=OPERATOR)
        else:
            muts.append(m)
    return muts
