"""Mutants of the reference's statements: small, plausible mistakes made by rewriting one statement's AST.

A mutant is the reference answer with one blankable statement (a holes.Candidate)
replaced by a slightly wrong version of itself: operands swapped, a sign flipped,
the wrong axis, keepdims forgotten, a transpose dropped ... They serve two purposes:

* the soundness suite (tests/test_soundness.py) grades every mutant of every
  load-bearing statement and requires the grader to reject it, unless a reviewed
  allow-list says the mutant is mathematically equivalent to the reference;
* plausible wrong choices (distractors) for multiple-choice drills, the way the
  exam offers four candidate lines for one blank.

Everything works on the statement's AST (ast.parse / ast.unparse), so a mutant is
always syntactically valid Python. Mutants of one statement whose unparsed text
is the same as another's, or the same as the unparsed original, are dropped.

The operators themselves (the names above) live in examprep.hole.mutation_operators; this module
enumerates them over a statement and builds the Mutants.

Public API: mutate_statement(text) -> [(operator, mutated text)], and
mutants_for(problem, candidates=None) -> [Mutant] (full answer sources included).
"""
import ast
import copy
import textwrap
from dataclasses import dataclass

from examprep.hole import holes
from examprep.problem import source
from examprep.common import pyast
from examprep.hole.mutation_operators import (NODE_OPERATORS, SHAPE_CALLS, call_name, int_value, is_module_call,
                                              partner_operator, statement_value_operators)


@dataclass(frozen=True)
class Mutant:
    candidate: int     # holes.Candidate.index of the mutated statement
    line: int          # its first line in the reference answer (1-based)
    target: str        # the function or method it belongs to: "Convolution.forward"
    operator: str      # which mutation operator made it (see the module docstring)
    original: str      # the candidate's statement as it is in the reference (dedented)
    text: str          # the mutated statement (ast.unparse'd, dedented)
    source: str        # the whole answer file with the statement replaced

    @property
    def name(self):
        """A name unique among a problem's mutants: "c<candidate index>:<operator>:<mutated text>"."""
        return f"c{self.candidate}:{self.operator}:{self.text}"


# ----------------------------------------------------------------------------- enumeration


def _exempt_ints(tree):
    """Integer literals that int_off_by_one leaves alone: axis values, transpose/reshape arguments, and
    the literal inside -k (shifted as a whole)."""
    exempt = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.UnaryOp) and int_value(node) is not None:
            exempt.add(id(node.operand))  # -1 is shifted as a whole
        if isinstance(node, ast.keyword) and node.arg == "axis":
            exempt.update(id(n) for n in ast.walk(node.value))
        if isinstance(node, ast.Call) and call_name(node) in SHAPE_CALLS:
            args = node.args[1:] if is_module_call(node) else node.args
            for arg in args:
                if isinstance(arg, (ast.Tuple, ast.List)):
                    for elt in arg.elts:
                        exempt.update(id(n) for n in ast.walk(elt) if int_value(elt) is not None)
                elif int_value(arg) is not None:
                    exempt.update(id(n) for n in ast.walk(arg))
    return exempt


def _parents(tree):
    """id(node) -> (parent, field name, index in the field's list or None)."""
    out = {}
    for parent in ast.walk(tree):
        for field, value in ast.iter_fields(parent):
            if isinstance(value, list):
                for i, child in enumerate(value):
                    if isinstance(child, ast.AST):
                        out[id(child)] = (parent, field, i)
            elif isinstance(value, ast.AST):
                out[id(value)] = (parent, field, None)
    return out


def _substitute(tree, position, replacement):
    """A copy of tree with its position-th node (in ast.walk order) replaced."""
    new_tree = copy.deepcopy(tree)
    target = list(ast.walk(new_tree))[position]
    parent, field, index = _parents(new_tree)[id(target)]
    if index is None:
        setattr(parent, field, replacement)
    else:
        getattr(parent, field)[index] = replacement
    return ast.fix_missing_locations(new_tree)


def mutate_statement(text, partners=()):
    """[(operator, mutated statement text)] for one statement's source, without duplicates.

    text: a single statement (possibly spanning lines), dedented; partners: the problem's
    mutant_partners. The mutated texts are ast.unparse'd; none equals the unparsed original
    or another mutant's text.
    """
    tree = pyast.parse(textwrap.dedent(text))
    if len(tree.body) != 1:
        raise ValueError(f"expected exactly one statement, got {len(tree.body)}: {text!r}")
    seen = {ast.unparse(tree)}
    out = []

    def add(operator, new_tree):
        new_text = ast.unparse(new_tree)
        if new_text not in seen:
            seen.add(new_text)
            out.append((operator, new_text))

    exempt = _exempt_ints(tree)
    operators = [(name, fn or partner_operator(partners)) for name, fn in NODE_OPERATORS]
    stmt = tree.body[0]
    for operator, new_stmt in statement_value_operators(stmt):
        add(operator, ast.fix_missing_locations(ast.Module(body=[new_stmt], type_ignores=[])))
    for position, node in enumerate(ast.walk(tree)):
        for operator, fn in operators:
            if operator == "int_off_by_one" and id(node) in exempt:
                continue
            for replacement in fn(node):
                add(operator, _substitute(tree, position, replacement))
    return out


def mutants_for(problem, candidates=None, statements=None):
    """Every mutant of the problem's reference answer, statement by statement.

    candidates: the holes.Candidates to mutate (default: all of holes.candidates(problem));
    pass holes.load_bearing(problem) to mutate only the blankable ones. statements(cand) -> [(operator, text)]:
    the statement mutants of a candidate, made by mutate_statement unless given (the mock exam's shipped proofs
    keep them, examprep.exam.code.shipped).
    """
    answer = source.reference_answer(problem)
    if candidates is None:
        candidates = holes.candidates(problem)
    if statements is None:
        def statements(cand):
            return mutate_statement(cand.text, getattr(problem, "mutant_partners", ()))
    out = []
    for cand in candidates:
        for operator, text in statements(cand):
            lines = [cand.indent + line if line.strip() else "" for line in text.splitlines()]
            full = holes.replace_lines(answer, [(cand.start, cand.end, lines)])
            out.append(Mutant(cand.index, cand.start, cand.target, operator, cand.text, text, full))
    return out
