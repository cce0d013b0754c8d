"""The interactive drill: show the hole, read one answer per blank, grade by running, retry.

At a blank's prompt:  an expression or statement(s) answers it (an unfinished
line such as `for ...:` continues on the next lines, as in the Python prompt;
an empty line ends it);  ? shows a hint (again for a stronger one);  ! reveals
the reference line (the blank then counts as not solved);  q stops.

drill_one() drills one prepared hole and returns an Outcome; `examprep drill` (run)
and the timed `examprep practice` (examprep.learn.practice) both use it. With a Countdown,
answers are read with a deadline: the prompt shows the time left, and when it runs
out the answer in progress is graded if every unsolved blank has one, else recorded
as unfinished (see _time_up).
"""
import ast
import codeop
import os
import random
import select
import signal
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

from examprep.hole import holes
from examprep.hole.hints import hints_for
from examprep.common import render
from examprep.learn import store
from examprep.common.i18n import pick
from examprep.common.timefmt import clock  # noqa: F401 - also practice's drill.clock
from examprep.grade.verdict import judge

try:
    import readline  # noqa: F401 - loading it gives input() line editing (arrows, history) in every prompt
except ImportError:  # not on every platform
    readline = None

TEXT = {
    "intro": {"ja": "空欄の行を入力してください。? ヒント / ! 答えを見る / q 終了。複数行は空行で終わります。",
              "en": "Type the line for each blank. ? hint / ! reveal / q quit. End a multi-line answer with an empty line."},
    "syntax": {"ja": "文法エラー: {msg}。もう一度入力してください。", "en": "Syntax error: {msg}. Try again."},
    "empty": {"ja": "空欄 {label} に何か入力してください (? でヒント)。", "en": "Type something for {label} (? for a hint)."},
    "no_more_hints": {"ja": "これ以上のヒントはありません (! で答えを表示)。", "en": "No more hints (! reveals the answer)."},
    "revealed": {"ja": "答え: {code}", "en": "Answer: {code}"},
    "retry": {"ja": "✗ の空欄をもう一度入力してください。", "en": "Try the ✗ blanks again."},
    "retry_or_next": {"ja": "✗ の空欄をもう一度入力してください (n で次の問題へ)。",
                      "en": "Try the ✗ blanks again (n moves on to the next problem)."},
    "summary": {"ja": "結果", "en": "Summary"},
    "solved": {"ja": "空欄 {n} 個中 {k} 個を自力で正解 ({secs:.0f} 秒)。", "en": "Solved {k} of {n} blanks yourself ({secs:.0f} s)."},
    "quit": {"ja": "中断しました。", "en": "Stopped."},
    "saved": {"ja": "解答を保存しました: {path}", "en": "Saved your answer: {path}"},
    "time_up": {"ja": "⏰ 時間切れです。", "en": "⏰ Time is up."},
    "time_up_grade": {"ja": "すべての空欄に入力済みなので採点します。", "en": "Every blank has an answer: grading it."},
    "time_up_partial": {"ja": "入力済みの空欄だけを採点し、未完として記録します。",
                        "en": "Grading the blanks you answered; the question is recorded as unfinished."},
    "time_up_none": {"ja": "未回答のため、未完として記録します。", "en": "Nothing answered: recorded as unfinished."},
    "time_left": {"ja": "この問題 {took} ・ 残り {left}", "en": "{took} on this question · {left} left"},
}

SKIP_WORDS = ("n", "next")
QUIT_WORDS = ("q", "quit")


def _t(key, lang, **kw):
    return pick(TEXT[key], lang).format(**kw)


# --- reading answers against a deadline ----------------------------------------------------------------------

class TimeUp(Exception):
    """The countdown reached zero while an answer was being read."""


def input_until(remaining, prompt):
    """input(prompt), with line editing, abandoned with TimeUp once remaining() (seconds left) reaches zero.

    The deadline fires through SIGALRM (POSIX, main thread) while the learner types; what was typed but not
    entered is then discarded, so it does not reach the shell after examprep ends. Elsewhere the line is read
    in full and TimeUp raised if the time ran out meanwhile. Used by practice (Countdown) and the mock exam.
    """
    left = remaining()
    if left <= 0:
        raise TimeUp
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        text = input(prompt)
        if remaining() <= 0:
            raise TimeUp
        return text

    def on_alarm(signum, frame):
        raise TimeUp

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, left)
    try:
        return input(prompt)
    except TimeUp:
        discard_typed(sys.stdin.fileno())
        raise
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def discard_typed(fd):
    """Drop a half-typed line on a terminal, so it does not reach the shell after examprep ends."""
    try:
        import termios

        if os.isatty(fd):
            termios.tcflush(fd, termios.TCIFLUSH)
    except (ImportError, OSError):
        pass


class Countdown:
    """A session deadline, and an input function that honours it.

    input(prompt) writes "[mm:ss] prompt" and reads a line with input_until (line editing, TimeUp when the
    time runs out). Given a file descriptor (stdin_fd, for tests and pipes) it waits with select() on it for
    at most the time left instead, reading lines from the descriptor directly so that no buffered line is
    ever missed by select().
    """

    def __init__(self, seconds, stdin_fd=None, stdout=None):
        self.deadline = time.monotonic() + seconds
        self.fd = stdin_fd
        self.stdout = stdout
        self._pending = b""

    def remaining(self):
        return max(0.0, self.deadline - time.monotonic())

    @contextmanager
    def paused(self):
        """Stop the clock while examprep itself works (preparing a hole): the learner's time is not spent."""
        started = time.monotonic()
        try:
            yield
        finally:
            self.deadline += time.monotonic() - started

    def input(self, prompt):
        out = self.stdout or sys.stdout
        left = self.remaining()
        if left <= 0:
            raise TimeUp
        if self.fd is None:
            try:
                return input_until(self.remaining, f"[{clock(left)}] {prompt}")
            except TimeUp:
                out.write("\n")
                raise
        out.write(f"[{clock(left)}] {prompt}")
        out.flush()
        return self._readline()

    def _readline(self):
        while b"\n" not in self._pending:
            left = self.deadline - time.monotonic()
            if left <= 0:
                self._pending = b""
                discard_typed(self.fd)
                (self.stdout or sys.stdout).write("\n")
                raise TimeUp
            ready, _, _ = select.select([self.fd], [], [], left)
            if not ready:
                continue
            data = os.read(self.fd, 4096)
            if not data:  # end of input: Ctrl-D at the start of a line, or a closed pipe
                if self._pending:
                    line, self._pending = self._pending, b""
                    return line.decode("utf-8", "replace")
                raise EOFError
            self._pending += data
        line, self._pending = self._pending.split(b"\n", 1)
        return line.decode("utf-8", "replace").rstrip("\r")


# --- one problem ---------------------------------------------------------------------------------------------

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


def show(con, problem, hole, lang, intro=True):
    con.rule(f"[bold]{problem.title[lang]}[/bold]  [dim]{problem.id} · {problem.item} {problem.topic} · "
             f"level={hole.level} seed={hole.seed}[/dim]")
    render.code(con, holes.display_text(hole))
    if intro:
        con.print(f"[dim]{_t('intro', lang)}[/dim]")


def run(problem, level="normal", blanks=None, seed=None, lang="ja", input_fn=input, mode="drill",
        session_id=None):
    """The interactive drill of one problem. Every grading round is recorded in the progress store
    (rounds of one drill share its session_id). Returns the exit code."""
    import uuid

    con = render.console()
    run_id = session_id or str(uuid.uuid4())
    if seed is None:
        seed = random.randrange(1000)
    with render.status(con, lang, "prepare"):
        hole = holes.make(problem, level=level or "normal", blanks=blanks, seed=seed, lang=lang)
    show(con, problem, hole, lang)
    outcome = drill_one(con, problem, hole, lang, input_fn=input_fn, mode=mode, session_id=run_id)
    return _finish(con, outcome, lang)


def drill_one(con, problem, hole, lang="ja", input_fn=input, mode="drill", session_id=None, countdown=None,
              allow_skip=False):
    """Drill one prepared (and already shown) hole until it passes, the learner quits or skips (allow_skip:
    n), or the countdown runs out. Every graded round is recorded with mode and session_id. Returns an Outcome.
    """
    from examprep.grade import sandbox

    states = [BlankState(lab, cand) for lab, cand in zip(hole.labels, hole.blanks)]
    for s in states:
        s.hint_list = hints_for(problem, s.candidate, lang)
    out = Outcome(problem.id, hole, states)
    if countdown is not None:
        input_fn = countdown.input
    started = time.monotonic()
    sandbox.prestart()  # the grading process imports numpy while the learner types
    try:
        while True:
            for s in states:
                if not s.passed:
                    action = _ask(con, s, lang, input_fn, allow_skip)
                    if action != "answer":
                        out.quit = action == "quit"
                        out.skipped = action == "skip"
                        return _done(out, started)
            verdict = _grade(con, problem, hole, states, lang, out, started, mode, session_id)
            if verdict.passed:
                con.print(f"[bold green]✓ {render.t('passed', lang)}[/bold green]")
                if not any(s.revealed for s in states):
                    # Only the learner's own work is kept as their answer (the capstone trains with it).
                    path = _save(con, problem, hole, states, lang)
                    if path and mode == "drill":
                        con.print(f"[dim]{_t('saved', lang, path=path)}[/dim]")
                out.passed = True
                _show_time(con, countdown, started, lang)
                return _done(out, started)
            if all(s.passed for s in states):
                # Right one by one but not together: show why, and ask for every blank again.
                con.print(render.failure_text(verdict.failure, lang))
                for note in verdict.notes:
                    con.print(f"[yellow]{pick(note, lang)}[/yellow]")
                for s in states:
                    s.passed = False
            con.print(f"[yellow]{_t('retry_or_next' if allow_skip else 'retry', lang)}[/yellow]")
            _show_time(con, countdown, started, lang)
            sandbox.prestart()  # for the next round
    except TimeUp:
        out.time_up = True
        try:
            _time_up(con, problem, hole, states, lang, out, started, mode, session_id)
        except (KeyboardInterrupt, EOFError):
            con.print()
            out.quit = out.interrupted = True
    except (KeyboardInterrupt, EOFError):
        con.print()
        out.quit = out.interrupted = True
    return _done(out, started)


def _save(con, problem, hole, states, lang):
    """Keep the passing answer in solutions/; a folder that cannot be written is said, never fatal."""
    try:
        return store.save_solution(problem.id, _filled_text(hole, states))
    except store.SaveError as exc:
        con.print(f"[red]{exc.message(lang)}[/red]")
        return None


def _done(out, started):
    out.seconds = time.monotonic() - started
    return out


def _show_time(con, countdown, started, lang):
    if countdown is not None:
        took = clock(time.monotonic() - started, up=False)
        con.print(f"[cyan]⏱ {_t('time_left', lang, took=took, left=clock(countdown.remaining()))}[/cyan]")


def _grade(con, problem, hole, states, lang, out, started, mode, session_id):
    """One graded round of every blank: judge, update the states, record it, show the per-blank verdicts."""
    text = _filled_text(hole, states)
    with render.status(con, lang, "grade"):
        verdict = judge(problem, text, hole)
    by_label = {b.label: b for b in verdict.blanks}
    for s in states:
        b = by_label.get(s.label)
        s.passed = verdict.passed or bool(b and b.passed)
        if not s.passed:
            s.misses += 1
        s.fresh = False
    out.rounds += 1
    record_round(con, lang, problem, hole, states, verdict, text, time.monotonic() - started, mode, session_id)
    render.blanks(con, _without_file_lines(verdict.blanks), lang)
    return verdict


def _time_up(con, problem, hole, states, lang, out, started, mode, session_id):
    """The countdown ran out during this question.

    Nothing typed since the last graded round: that round stands (nothing more is recorded).
    Every unsolved blank has an answer (typed now, or kept from an earlier round): graded and
    recorded as usual. Otherwise the attempt is recorded as unfinished, with the answers typed
    so far (each judged on its own, the other blanks holding the reference line).
    """
    con.print(f"[bold yellow]{_t('time_up', lang)}[/bold yellow]")
    if out.rounds and not any(s.fresh for s in states):
        return
    if all(s.answer is not None for s in states if not s.passed):
        con.print(f"[dim]{_t('time_up_grade', lang)}[/dim]")
        verdict = _grade(con, problem, hole, states, lang, out, started, mode, session_id)
        if verdict.passed:
            con.print(f"[bold green]✓ {render.t('passed', lang)}[/bold green]")
            if not any(s.revealed for s in states):
                _save(con, problem, hole, states, lang)
            out.passed = True
        return
    out.unfinished = True
    answered = [s for s in states if s.answer is not None]
    seconds = time.monotonic() - started
    if not answered:
        con.print(f"[dim]{_t('time_up_none', lang)}[/dim]")
        record_round(con, lang, problem, hole, states, None, None, seconds, mode, session_id, unfinished=True)
        return
    con.print(f"[dim]{_t('time_up_partial', lang)}[/dim]")
    text = _filled_text(hole, states)  # unanswered blanks keep their blank("…") line
    with render.status(con, lang, "grade"):
        verdict = judge(problem, text, hole)
    by_label = {b.label: b for b in verdict.blanks}
    for s in answered:
        b = by_label.get(s.label)
        s.passed = bool(b and b.passed)
        if not s.passed:
            s.misses += 1
    record_round(con, lang, problem, hole, states, verdict, text, seconds, mode, session_id, unfinished=True)
    render.blanks(con, _without_file_lines([by_label[s.label] for s in answered if s.label in by_label]), lang)


def _read_answer(con, prompt, input_fn, body=False):
    """One answer: a line, or several when the first is unfinished Python (like the REPL).

    With body (a blank standing for several statements, such as a whole method at level
    full) every answer is read up to an empty line.
    """
    lines = [input_fn(prompt)]
    if lines[0].strip() in ("?", "!") + QUIT_WORDS + SKIP_WORDS:
        return lines[0].strip()
    if body:
        while True:
            more = input_fn("... ")
            if not more.strip():
                return "\n".join(lines)
            lines.append(more)
    while True:
        source = "\n".join(lines)
        try:
            # "single", as the Python prompt: a block (`if ...:` and its body) stays open until an empty
            # line; in "exec" mode it would end after its first body line.
            complete = codeop.compile_command(source, "<blank>", "single")
        except (SyntaxError, ValueError, OverflowError):
            return source  # reported by _statement_for
        if complete is not None and not source.rstrip().endswith(":"):
            return source
        more = input_fn("... ")
        if not more.strip():
            return source
        lines.append(more)


def _is_body(candidate):
    """Whether a blank stands for several statements (a whole body at level full)."""
    try:
        return len(ast.parse(candidate.text).body) > 1
    except SyntaxError:
        return False


def _ask(con, s, lang, input_fn, allow_skip=False):
    """Prompt until the blank has a syntactically valid answer: "answer", or "quit" / "skip" (n, allow_skip)."""
    while True:
        lhs = s.candidate.lhs
        prompt = f"{s.label} {lhs}" if lhs else f"{s.label} "
        reply = _read_answer(con, prompt, input_fn, body=_is_body(s.candidate))
        stripped = reply.strip()
        if stripped in QUIT_WORDS:
            return "quit"
        if allow_skip and stripped in SKIP_WORDS:
            return "skip"
        if stripped == "?":
            if s.hints_used < len(s.hint_list):
                con.print(f"[cyan]💡 {s.hint_list[s.hints_used]}[/cyan]")
                s.hints_used += 1
            else:
                con.print(f"[dim]{_t('no_more_hints', lang)}[/dim]")
            continue
        if stripped == "!":
            s.revealed = True
            s.answer = s.candidate.text
            s.fresh = True
            con.print(f"[magenta]{_t('revealed', lang, code=s.candidate.text)}[/magenta]")
            return "answer"
        if not stripped:
            con.print(f"[dim]{_t('empty', lang, label=s.label)}[/dim]")
            continue
        statement, error = statement_for(s.candidate, reply)
        if error:
            con.print(f"[red]{_t('syntax', lang, msg=error)}[/red]")
            continue
        s.answer = statement
        s.attempts += 1
        s.fresh = True
        return "answer"


def statement_for(candidate, reply):
    """The statement(s) a typed reply stands for: an expression completes the visible
    left-hand side (`col = ` + reply); statements replace the whole line."""
    text = reply.strip("\n")
    import textwrap

    text = textwrap.dedent(text)
    if candidate.lhs:
        try:
            ast.parse(text, mode="eval")
            return candidate.lhs + text.strip(), None
        except SyntaxError:
            pass
    try:
        ast.parse(text)
    except SyntaxError as exc:
        return None, exc.msg
    return text, None


def _filled_text(hole, states):
    """The hole file with every answered blank's region holding the learner's answer."""
    lines = hole.text.splitlines()
    out = []
    by_label = {s.label: s for s in states}
    inside = None
    for line in lines:
        stripped = line.strip()
        if stripped.startswith(holes.MARK_OPEN.strip()):
            out.append(line)
            label = stripped[len(holes.MARK_OPEN.strip()):].strip()
            answer = by_label[label].answer
            if answer is None:
                continue  # not answered yet: the blank("…") line stays
            inside = label
            indent = line[:len(line) - len(line.lstrip())]
            out.extend(indent + a if a.strip() else "" for a in answer.splitlines())
            continue
        if stripped.startswith(holes.MARK_CLOSE.strip()):
            inside = None
            out.append(line)
            continue
        if inside is None:
            out.append(line)
    return "\n".join(out) + "\n"


def record_round(con, lang, problem, hole, states, verdict, text, seconds, mode, session_id, unfinished=False):
    """Save one graded round in the progress store; a store problem is shown, never fatal to the drill.

    unfinished: the time ran out first; the attempt does not pass, blank_results are only the blanks
    answered so far (verdict is None when there are none), hints and reveals count every blank.
    """
    from examprep.learn import progress

    graded = [s for s in states if s.answer is not None] if unfinished else states
    attempt = progress.Attempt(
        problem=problem.id, mode=mode, passed=bool(verdict and verdict.passed) and not unfinished,
        level=hole.level, blanks=len(hole.labels), seed=hole.seed, unfinished=unfinished,
        blank_results=[{"label": s.label, "passed": s.passed, "tries": s.attempts, "hints": s.hints_used,
                        "revealed": s.revealed, "reference": s.candidate.text} for s in graded],
        failure_check=((verdict.failure or {}).get("check") if verdict else None), answer=text,
        hints=sum(s.hints_used for s in states), reveals=sum(1 for s in states if s.revealed),
        seconds=round(seconds, 2), session_id=session_id)
    progress.record_safely(attempt, on_error=lambda exc: con.print(f"[red]{exc.message(lang)}[/red]"))


def _without_file_lines(blank_verdicts):
    """Line numbers refer to the hole file, which the drill does not show: drop them."""
    import copy
    import re

    out = []
    for b in blank_verdicts:
        b = copy.copy(b)
        if b.failure:
            b.failure = dict(b.failure,
                             en=re.sub(r"\(line \d+: ", "(", b.failure["en"]),
                             ja=re.sub(r"(\d+) 行目: ", "", b.failure["ja"]))
        out.append(b)
    return out


def _finish(con, outcome, lang):
    """The drill's summary table; the exit code: 0 solved, 1 not solved yourself, 130 stopped."""
    from rich.table import Table

    if outcome.quit:
        con.print(f"[yellow]{_t('quit', lang)}[/yellow]")
    table = Table(title=_t("summary", lang), title_justify="left", show_edge=False)
    for col in (("空欄", "Blank"), ("結果", "Result"), ("回答回数", "Tries"), ("ヒント", "Hints"), ("答えを見た", "Revealed")):
        table.add_column(col[0] if lang == "ja" else col[1])
    for s in outcome.states:
        result = "✓" if s.passed and not s.revealed else ("👁" if s.revealed else "✗")
        table.add_row(s.label, result, str(s.attempts), str(s.hints_used), "✓" if s.revealed else "")
    con.print(table)
    solved = outcome.solved_blanks
    con.print(_t("solved", lang, n=len(outcome.states), k=solved, secs=outcome.seconds))
    if outcome.quit:
        return 130
    return 0 if solved == len(outcome.states) else 1
