"""Loading and validating the drill definitions in problems/area<N>/*.yaml.

A problem file is data only; see problems/README.md for the schema. Every error
names the file, the key and what was expected, so a problem author never sees a
bare traceback.
"""
import difflib
import importlib.resources
import re
from dataclasses import dataclass, field
from pathlib import Path

from examprep.problem.syllabus import AREAS, ITEMS, area_of
from examprep.common import pyast

KINDS = ("function", "layer", "optimizer", "masking_layer")
LANGS = ("ja", "en")
TARGET_RE = re.compile(r"^reference(\.[a-z_][a-z0-9_]*)+:[A-Za-z_][A-Za-z0-9_]*$")  # reference.fast.conv:X too
ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")


class ProblemError(Exception):
    """A problem file that does not follow the schema."""

    def __init__(self, source, key, message):
        self.source = str(source)
        self.key = key
        self.message = message
        super().__init__(f"{self.source}: {key}: {message}" if key else f"{self.source}: {message}")


class UnknownProblem(KeyError):
    def __init__(self, problem_id, suggestions):
        self.problem_id = problem_id
        self.suggestions = suggestions
        super().__init__(problem_id)


@dataclass(frozen=True)
class Target:
    module: str   # e.g. "reference.conv"
    name: str     # e.g. "Convolution"

    @classmethod
    def parse(cls, text):
        module, name = text.split(":")
        return cls(module, name)

    def __str__(self):
        return f"{self.module}:{self.name}"


@dataclass
class Hint:
    match: str
    text: dict


@dataclass(frozen=True)
class Convention:
    """Another legitimate convention than the drill's, and what an answer following it is told."""
    name: str
    target: Target      # an implementation of that convention (reference.conventions:PoolingAllTies)
    replaces: str       # the problem's target it stands in for
    text: dict          # {ja, en}: "your running variance is unbiased (N-1), as PyTorch's; ..."
    others: tuple = ()  # ((replaces, Target), ...): further targets the same convention changes (encode and decode)

    def pairs(self):
        """Every (target name replaced, implementation) of this convention."""
        return ((self.replaces, self.target),) + tuple(self.others)


@dataclass
class Problem:
    id: str
    title: dict
    explanation: dict
    section: str
    item: str
    topic: str
    kind: str
    targets: list
    given: list
    cases: list
    requires: list = field(default_factory=list)
    pins: list = field(default_factory=list)
    hints: list = field(default_factory=list)
    source: str = ""
    raw: dict = field(default_factory=dict)
    convention: dict = None        # {ja, en}: the convention this drill follows, said up front
    conventions: list = field(default_factory=list)    # [Convention]: other legitimate ones, recognised
    mistakes: list = field(default_factory=list)       # [Convention]: classic mistakes, recognised and named
    mutant_partners: list = field(default_factory=list)  # [(a, b)]: names / expressions easily confused
    exam_not_offered: list = field(default_factory=list)  # [{expression, why}]: options the listing cannot rule out
    covers: list = field(default_factory=list)    # row ids of shared/components.md this problem implements

    def area_key(self):
        return area_of(self.item)

    def in_area(self, area):
        """Whether --area AREA selects this problem: an area number (3), a section name or an item id (3-4-1)."""
        return area is None or area in (self.area_key(), self.section, self.item)

    def hint_for(self, statement_text):
        """The authored hints whose code fragment occurs in a statement's text."""
        return [h for h in self.hints if h.match in statement_text]


def _expect(cond, source, key, message):
    if not cond:
        raise ProblemError(source, key, message)


def _text_pair(data, source, key):
    value = data.get(key)
    _expect(isinstance(value, dict), source, key, "expected a mapping with 'ja' and 'en' texts")
    for lang in LANGS:
        _expect(isinstance(value.get(lang), str) and value[lang].strip(), source, f"{key}.{lang}",
                "expected a non-empty text")
    return {lang: value[lang].strip() for lang in LANGS}


def _target_list(data, source, key, required):
    value = data.get(key, [] if not required else None)
    _expect(isinstance(value, list) and (value or not required), source, key,
            "expected a list of 'reference.module:Name' strings" + (" (at least one)" if required else ""))
    out = []
    for i, text in enumerate(value):
        _expect(isinstance(text, str) and TARGET_RE.match(text), source, f"{key}[{i}]",
                f"expected 'reference.module:Name', got {text!r}")
        out.append(Target.parse(text))
    return out


def parse_problem(data, source):
    """Validate one problem's data (already read from YAML) and build a Problem."""
    from examprep.grade import kinds

    _expect(isinstance(data, dict), source, "", "expected a YAML mapping at the top level")
    known = {"id", "title", "explanation", "area", "kind", "targets", "given", "cases", "requires", "pins",
             "hints", "convention", "conventions", "mistakes", "mutant_partners", "exam_not_offered", "covers"}
    for key in data:
        _expect(key in known, source, key, f"unknown key; expected one of {sorted(known)}")
    pid = data.get("id")
    _expect(isinstance(pid, str) and ID_RE.match(pid), source, "id",
            "expected a lower-case identifier such as 'conv2d'")
    stem = Path(str(source)).stem
    _expect(stem == pid or not str(source).endswith(".yaml"), source, "id",
            f"expected the file name to be {pid}.yaml")
    title = _text_pair(data, source, "title")
    explanation = _text_pair(data, source, "explanation")

    area = data.get("area")
    _expect(isinstance(area, dict), source, "area", "expected a mapping with 'section', 'item' and 'topic'")
    item = str(area.get("item", ""))
    _expect(item in ITEMS, source, "area.item", f"expected a syllabus item id such as '3-4-1', got {item!r}")
    section = area.get("section")
    expected_section = AREAS[area_of(item)]["ja"]
    _expect(section == expected_section, source, "area.section",
            f"expected {expected_section!r} (the area of item {item}), got {section!r}")
    topic = area.get("topic")
    _expect(isinstance(topic, str) and topic.strip(), source, "area.topic",
            "expected a short topic such as 'CNN / im2col'")

    kind = data.get("kind")
    _expect(kind in KINDS, source, "kind", f"expected one of {list(KINDS)}, got {kind!r}")
    targets = _target_list(data, source, "targets", required=True)
    given = _target_list(data, source, "given", required=False)

    requires = data.get("requires", [])
    _expect(isinstance(requires, list) and all(isinstance(r, str) for r in requires), source, "requires",
            "expected a list of problem ids")
    covers = data.get("covers", [])
    _expect(isinstance(covers, list) and all(isinstance(c, str) and ID_RE.match(c) for c in covers)
            and len(set(covers)) == len(covers), source, "covers",
            "expected a list of different row ids of the component map, such as [im2col]")
    pins = data.get("pins", [])
    _expect(isinstance(pins, list) and all(isinstance(p, str) and p for p in pins), source, "pins",
            "expected a list of code fragments")
    hints = []
    for i, h in enumerate(data.get("hints", []) or []):
        _expect(isinstance(h, dict) and isinstance(h.get("match"), str) and h["match"], source,
                f"hints[{i}].match", "expected a code fragment the hinted line contains")
        hints.append(Hint(h["match"], {lang: _require_text(h, lang, source, f"hints[{i}].{lang}")
                                       for lang in LANGS}))

    cases = data.get("cases")
    _expect(isinstance(cases, list) and cases, source, "cases", "expected a non-empty list of cases")
    kind_impl = kinds.get(kind)
    for i, case in enumerate(cases):
        _expect(isinstance(case, dict), source, f"cases[{i}]", "expected a mapping")
        _expect(isinstance(case.get("name"), str) and case["name"].strip(), source, f"cases[{i}].name",
                "expected a short description of the case (shapes, stride, pad ...)")
        try:
            kind_impl.validate_case(case, {t.name for t in targets})
        except ValueError as exc:
            key, _, message = str(exc).partition(": ")
            raise ProblemError(source, f"cases[{i}].{key}" if message else f"cases[{i}]",
                               message or str(exc)) from None

    convention = _text_pair(data, source, "convention") if "convention" in data else None
    conventions = _conventions(data, source, targets)
    mistakes = _conventions(data, source, targets, key="mistakes")
    _expect(not {c.name for c in conventions} & {m.name for m in mistakes}, source, "mistakes",
            "a name is used by a convention too: the verdict would not say which it is")
    partners = data.get("mutant_partners", [])
    _expect(isinstance(partners, list) and all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) and x.strip() for x in p) and p[0] != p[1]
        for p in partners), source, "mutant_partners",
        "expected a list of pairs of names or expressions, e.g. [[H, W], [z, \"1 - z\"]]")
    for i, pair in enumerate(partners):
        for x in pair:
            _expression(x, source, f"mutant_partners[{i}]")
    not_offered = data.get("exam_not_offered", [])
    _expect(isinstance(not_offered, list) and all(
        isinstance(x, dict) and set(x) == {"expression", "why"}
        and all(isinstance(v, str) and v.strip() for v in x.values()) for x in not_offered), source, "exam_not_offered",
        "expected a list of {expression: a Python expression, why: the reason a mock exam must not offer it}")
    for i, entry in enumerate(not_offered):
        _expression(entry["expression"], source, f"exam_not_offered[{i}]")

    return Problem(id=pid, title=title, explanation=explanation, section=section, item=item,
                   topic=topic.strip(), kind=kind, targets=targets, given=given, cases=cases,
                   requires=requires, pins=pins, hints=hints, source=str(source), raw=data,
                   convention=convention, conventions=conventions, mistakes=mistakes, mutant_partners=[tuple(p) for p in partners],
                   exam_not_offered=list(not_offered), covers=covers)


def _expression(text, source, key):
    """Raise ProblemError unless text is a Python expression."""
    try:
        pyast.parse(text, mode="eval")
    except SyntaxError:
        raise ProblemError(source, key, f"{text!r} is not a Python expression") from None


def _conventions(data, source, targets, key="conventions"):
    """`conventions:` (other legitimate conventions) or, key="mistakes", `mistakes:` (classic wrong answers the
    verdict names): the same schema, {name, target, replaces, ja, en}."""
    value = data.get(key, [])
    _expect(isinstance(value, list), source, key,
            "expected a list of {name, target, ja, en} (" +
            ("other legitimate conventions)" if key == "conventions" else "classic mistakes, each implemented)"))
    out = []
    names = [t.name for t in targets]
    for i, entry in enumerate(value):
        where = f"{key}[{i}]"
        _expect(isinstance(entry, dict), source, where, "expected a mapping with name, target, ja, en")
        for key in entry:
            _expect(key in ("name", "target", "replaces", "ja", "en"), source, f"{where}.{key}",
                    "unknown key; expected name, target, replaces (with several targets), ja, en")
        _expect(isinstance(entry.get("name"), str) and ID_RE.match(entry["name"]), source, f"{where}.name",
                "expected a lower-case identifier such as 'all_ties'")
        # one implementation for one target, or lists of the same length: a convention that changes several
        # targets together (continuous vs +1-pixel widths in both bbox_encode and bbox_decode)
        texts = entry.get("target")
        texts = texts if isinstance(texts, list) and texts else [texts]
        for text in texts:
            _expect(isinstance(text, str) and TARGET_RE.match(text), source, f"{where}.target",
                    f"expected 'reference.module:Name' or a list of them, got {text!r}")
        replaces = entry.get("replaces", names[0] if len(names) == 1 else None)
        replaces = replaces if isinstance(replaces, list) else [replaces]
        _expect(len(replaces) == len(texts) and all(r in names for r in replaces) and len(set(replaces)) == len(replaces),
                source, f"{where}.replaces",
                f"expected the target it stands in for, one of {names} (a list of different ones, one per target "
                "implementation, when target is a list)")
        pairs = [(r, Target.parse(t)) for r, t in zip(replaces, texts)]
        out.append(Convention(entry["name"], pairs[0][1], pairs[0][0],
                              {lang: _require_text(entry, lang, source, f"{where}.{lang}") for lang in LANGS},
                              tuple(pairs[1:])))
    _expect(len({c.name for c in out}) == len(out), source, key, "names must be different")
    return out


def _require_text(data, lang, source, key):
    value = data.get(lang)
    _expect(isinstance(value, str) and value.strip(), source, key, "expected a non-empty text")
    return value.strip()


def problems_dir():
    return importlib.resources.files("problems")


AREA_DIRS = ("area1", "area2", "area3", "area4", "area5")  # problems/areaN/<id>.yaml, N = the syllabus area


def problem_files():
    """Every shipped problem file, area by area, in file-name order."""
    root = problems_dir()
    files = []
    for area in AREA_DIRS:
        folder = root / area
        if folder.is_dir():
            files.extend(sorted((e for e in folder.iterdir() if e.name.endswith(".yaml")), key=lambda e: e.name))
    return files


def problem_file(problem_id):
    """The shipped file of one problem id, or None."""
    for area in AREA_DIRS:
        entry = problems_dir() / area / f"{problem_id}.yaml"
        if entry.is_file():
            return entry
    return None


def load_file(path):
    import yaml

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ProblemError(path, "", f"cannot read the file ({exc.strerror})") from None
    try:
        # libyaml's loader when PyYAML has it: the pure-Python one takes ~10 ms a file, which adds up.
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        raise ProblemError(path, "", f"{where}not valid YAML ({getattr(exc, 'problem', exc)})") from None
    return parse_problem(data, path)


_CACHE = {}


def load_all():
    """Every shipped problem, by id, area by area in file-name order."""
    if "all" not in _CACHE:
        problems = {}
        for entry in problem_files():
            problem = load_file(Path(str(entry)))
            problems[problem.id] = problem
        _CACHE["all"] = problems
    return _CACHE["all"]


def get(problem_id):
    if "all" not in _CACHE and isinstance(problem_id, str) and ID_RE.match(problem_id):
        # A problem's file is named after its id (checked by parse_problem): load just that file, so one
        # command does not parse every problem (and a broken file elsewhere does not stop this one).
        entry = problem_file(problem_id)
        if entry is not None:
            one = _CACHE.setdefault("one", {})
            if problem_id not in one:
                one[problem_id] = load_file(Path(str(entry)))
            return one[problem_id]
    problems = load_all()
    if problem_id in problems:
        return problems[problem_id]
    suggestions = difflib.get_close_matches(problem_id, list(problems), n=3, cutoff=0.5)
    if not suggestions:
        suggestions = [p for p in problems if problem_id in p or p in problem_id][:3]
    raise UnknownProblem(problem_id, suggestions)
