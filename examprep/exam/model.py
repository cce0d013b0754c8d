"""Mock-exam questions as data: Question and Option, and their JSON form.

JSON form of one question (schema "examprep.question/1"; keys are only ever added
within a schema version):

    {
      "schema": "examprep.question/1",
      "id": "code:softmax:c0:v:s7",          # unique and stable for (origin, blank, seed)
      "kind": "code_choice",                 # code_choice | code_free | calc
      "problem": "softmax",                  # code questions: the problem id; calc: null
      "template": null,                      # calc questions: the template id ("conv_output_size"); code: null
      "area": "3", "section": "深層学習の基礎", "item": "3-1-3",   # syllabus (examprep.problem.syllabus)
      "stem": {"ja": "…", "en": "…"},
      "code": "def softmax(x):\n    x = ＿＿(あ)＿＿\n…",  # code questions: the listing, every blank of the
                                             # set marked ＿＿(label)＿＿; calc: null
      "label": "(あ)",                        # which blank this question asks about (code only)
      "options": [                           # four for code_choice and calc, none for code_free
        {"text": "x - np.max(x, axis=-1, keepdims=True)", "correct": true, "verdict": null,
         "operator": null, "value": null},
        {"text": "x - np.max(x, axis=0, keepdims=True)", "correct": false,
         "verdict": {"check": "values", "stage": "output", "case": "…", "what": "softmax(...)",
                     "ja": "…", "en": "…"},  # code: the grader's diagnosis of this option
         "operator": "axis",                 # code: the mutation operator; calc: the slip's id
         "value": null}                      # calc: the option's number (before rounding)
      ],
      "key": 0,                              # index of the correct option (null for code_free)
      "answer": "x - np.max(x, axis=-1, keepdims=True)",   # the correct fill / value as displayed
      "explanation": {"ja": "…", "en": "…"},
      "set_id": "code:softmax:s7",           # questions sharing it belong together (one listing, one scenario)
      "seed": 7,
      "blank": {                             # code questions: how to grade a fill (see code.fills.fill_source)
        "start": 11, "end": 11,              # line range of the statement in source.reference_answer(problem)
        "indent": "    ",
        "template": "x = ＿＿(あ)＿＿",       # the statement (dedented) with the blank marked
        "marker": "＿＿(あ)＿＿",
        "whole_line": false,
        "ref": "3f2a…",                      # sha256[:16] of the reference answer the question was made from
        "candidate": 0                       # holes.Candidate.index of the statement
      },
      "params": null                         # calc: the numbers drawn ({"H": 32, "K": 3, ...}), for checking
    }

For a calc question every option carries "value" and, for the wrong ones,
"verdict": {"check": "slip", "ja": "…", "en": "…"} naming the slip that gives it.

Knowledge questions (kind "knowledge", from the bank in examprep/exam/bank/) and
formula-choice questions (kind "formula", examprep.exam.formula) add "source" (the
book chapter, paper or documentation section the item rests on); a knowledge option's
text is in both languages in "texts": {"ja": "…", "en": "…"} ("text" holds the English
one); a wrong knowledge option's "verdict" is {"check": "statement", "ja", "en"}: why
it is wrong. "template" names the bank item or the formula family.

Framework questions (kind "framework", the PyTorch track: examprep.exam.framework) carry a PyTorch listing in
"code" with the one blank "label", "source", "template" "torch:<item id>", and "blank" {"marker", "template"}
only (no reference to grade against: the four options were run in the tests); a wrong option's "operator" says
how it fails ("value" or "error") and its "verdict" is {"check": "framework", "ja", "en"}.
"""
import re
from dataclasses import asdict, dataclass, field

SCHEMA = "examprep.question/1"
KINDS = ("code_choice", "code_free", "calc", "knowledge", "formula", "framework")


def marker(label):
    """The blank as the exam prints it: ＿＿(あ)＿＿."""
    return f"＿＿{label}＿＿"


@dataclass
class Option:
    text: str
    correct: bool
    verdict: dict = None      # wrong options: {check, ja, en, ...}; None for the correct one
    operator: str = None      # code: mutation operator; calc: slip id
    value: float = None       # calc: the number before rounding
    texts: dict = None        # knowledge: {ja, en} (text is the English one)

    def shown(self, lang):
        """The option as printed in this language."""
        return self.texts[lang] if self.texts else self.text

    def to_json(self):
        data = asdict(self)
        if self.texts is None:
            del data["texts"]
        return data

    @classmethod
    def from_json(cls, data):
        return cls(text=data["text"], correct=bool(data["correct"]), verdict=data.get("verdict"),
                   operator=data.get("operator"), value=data.get("value"), texts=data.get("texts"))


@dataclass
class Question:
    id: str
    kind: str
    problem: str
    template: str
    area: str
    section: str
    item: str
    stem: dict
    explanation: dict
    options: list = field(default_factory=list)
    key: int = None
    answer: str = None
    code: str = None
    label: str = None
    set_id: str = None
    seed: int = 0
    blank: dict = None
    params: dict = None
    source: str = None

    def answer_text(self, lang):
        """The correct answer as shown in this language."""
        if self.key is not None and self.options:
            return self.options[self.key].shown(lang)
        return self.answer

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown question kind {self.kind!r}")

    def to_json(self):
        data = {"schema": SCHEMA}
        for name in ("id", "kind", "problem", "template", "area", "section", "item", "stem", "code", "label"):
            data[name] = getattr(self, name)
        data["options"] = [o.to_json() for o in self.options]
        for name in ("key", "answer", "explanation", "set_id", "seed", "blank", "params"):
            data[name] = getattr(self, name)
        if self.source is not None:
            data["source"] = self.source
        return data

    @classmethod
    def from_json(cls, data):
        schema = data.get("schema", SCHEMA)
        if schema != SCHEMA:
            raise ValueError(f"unsupported question schema {schema!r} (expected {SCHEMA})")
        return cls(id=data["id"], kind=data["kind"], problem=data.get("problem"), template=data.get("template"),
                   area=data["area"], section=data["section"], item=data["item"], stem=dict(data["stem"]),
                   explanation=dict(data["explanation"]),
                   options=[Option.from_json(o) for o in data.get("options", [])], key=data.get("key"),
                   answer=data.get("answer"), code=data.get("code"), label=data.get("label"),
                   set_id=data.get("set_id"), seed=data.get("seed", 0), blank=data.get("blank"),
                   params=data.get("params"), source=data.get("source"))


def in_lang(text, lang):
    """Exam text as shown in lang: an English exam labels blanks (1), (2) ... as English drills do; questions are
    made once, with the Japanese labels (あ), (い) ... (ids and JSON keep them)."""
    if lang == "ja" or not text:
        return text
    from examprep.hole.holes import JA_LABELS

    return re.sub(f"\\(([{JA_LABELS}])\\)", lambda m: f"({JA_LABELS.index(m.group(1)) + 1})", text)
