"""What a drilled problem came to: each blank's state, the Outcome, and the summary table at the end."""
from dataclasses import dataclass, field

from examprep.common import i18n
from examprep.common.table import print_table
from examprep.common.timefmt import duration

TEXT = {
    "summary": {"ja": "結果", "en": "Summary"},
    "solved": {"ja": "空欄 {n} 個中 {k} 個を自力で正解 ({time})。", "en": "Solved {k} of {n} blanks yourself ({time})."},
    "quit": {"ja": "中断しました。", "en": "Stopped."},
    "not_answered": {"ja": "未回答", "en": "not answered"},
    "col_blank": {"ja": "空欄", "en": "Blank"},
    "col_result": {"ja": "結果", "en": "Result"},
    "col_tries": {"ja": "回答回数", "en": "Tries"},
    "col_hints": {"ja": "ヒント", "en": "Hints"},
    "col_revealed": {"ja": "答えを見た", "en": "Revealed"},
}


@dataclass
class BlankState:
    label: str
    candidate: object
    answer: str = None
    attempts: int = 0
    hints_used: int = 0
    revealed: bool = False
    passed: bool = False
    hint_list: list = field(default_factory=list)
    misses: int = 0          # graded rounds that judged it wrong
    fresh: bool = False      # answered since the last graded round
    graded_tries: int = 0    # typed answers that were graded (not an answer still waiting when Ctrl-C came)
    judged: bool = False     # in at least one graded round


@dataclass
class Outcome:
    """How one drilled problem ended."""
    problem: str
    hole: object
    states: list
    passed: bool = False
    unfinished: bool = False     # time ran out before the answer was complete (recorded as unfinished)
    time_up: bool = False
    skipped: bool = False        # n: on to the next problem (practice)
    quit: bool = False           # q, Ctrl-C or Ctrl-D
    interrupted: bool = False    # Ctrl-C or Ctrl-D
    rounds: int = 0              # graded rounds
    seconds: float = 0.0

    @property
    def hints(self):
        return sum(s.hints_used for s in self.states)

    @property
    def reveals(self):
        return sum(1 for s in self.states if s.revealed)

    @property
    def solved_blanks(self):
        return sum(1 for s in self.states if s.passed and not s.revealed)

    @property
    def result(self):
        """solved / revealed / missed / unfinished / skipped / stopped."""
        if self.passed:
            return "revealed" if self.reveals else "solved"
        if self.unfinished:
            return "unfinished"
        if self.rounds:
            return "missed"
        return "skipped" if self.skipped else "stopped"

    def review_blanks(self):
        """The blanks worth reviewing: judged wrong at least once, or revealed."""
        return [s for s in self.states if s.misses or s.revealed]


def summary(con, outcome, lang):
    """The drill's summary table; the exit code: 0 solved, 1 not solved yourself, 130 stopped."""
    if outcome.quit:
        con.print(f"[yellow]{i18n.text(TEXT, 'quit', lang)}[/yellow]")
    header = [i18n.text(TEXT, k, lang) for k in ("col_blank", "col_result", "col_tries", "col_hints", "col_revealed")]
    rows = []
    for s in outcome.states:
        if s.revealed:
            result = "👁"
        elif s.passed:
            result = "✓"
        elif s.judged:
            result = "✗"
        else:  # never graded: stopped before its round (an answer typed but not yet graded counts as none)
            result = f"– {i18n.text(TEXT, 'not_answered', lang)}"
        rows.append([s.label, result, str(s.graded_tries), str(s.hints_used), "✓" if s.revealed else ""])
    print_table(con, i18n.text(TEXT, "summary", lang), header, rows, right=(2, 3))
    solved = outcome.solved_blanks
    con.print(i18n.text(TEXT, "solved", lang, n=len(outcome.states), k=solved, time=duration(outcome.seconds, lang)))
    if outcome.quit:
        return 130
    return 0 if solved == len(outcome.states) else 1
