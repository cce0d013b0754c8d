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
import random
import time

from examprep.common import i18n
from examprep.common import render
from examprep.common.i18n import pick
from examprep.common.timefmt import clock
from examprep.grade.verdict import judge
from examprep.hole import holes
from examprep.hole.hints import hints_for
from examprep.learn import store
from examprep.learn.outcome import BlankState, Outcome, summary
# practice and the mock exam read through drill.*: Countdown, TimeUp, input_until
from examprep.learn.prompt import (CODE_WORDS, QUIT_WORDS, SKIP_WORDS, Countdown, TimeUp,  # noqa: F401
                                   input_until, is_body, read_answer, statement_for)

TEXT = {
    "intro": {"ja": "空欄の行を入力してください。? ヒント / ! 答えを見る / c コード全体 / q 終了。複数行は空行で終わります。",
              "en": "Type the line for each blank. ? hint / ! reveal / c whole code / q quit. End a multi-line answer "
                    "with an empty line."},
    "passed_revealed": {"ja": "👁 すべての空欄がそろいましたが、{labels} は答えを見たので正解には数えません。",
                        "en": "👁 Complete, but {labels} revealed: not counted as passed."},
    "syntax": {"ja": "文法エラー: {msg}。もう一度入力してください。", "en": "Syntax error: {msg}. Try again."},
    "empty": {"ja": "空欄 {label} に何か入力してください (? でヒント)。", "en": "Type something for {label} (? for a hint)."},
    "no_more_hints": {"ja": "これ以上のヒントはありません (! で答えを表示)。", "en": "No more hints (! reveals the answer)."},
    "revealed": {"ja": "答え: {code}", "en": "Answer: {code}"},
    "retry": {"ja": "✗ の空欄をもう一度入力してください。", "en": "Try the ✗ blanks again."},
    "retry_or_next": {"ja": "✗ の空欄をもう一度入力してください (n で次の問題へ)。",
                      "en": "Try the ✗ blanks again (n moves on to the next problem)."},
    "saved": {"ja": "解答を保存しました: {path}", "en": "Saved your answer: {path}"},
    "time_up": {"ja": "⏰ 時間切れです。", "en": "⏰ Time is up."},
    "time_up_grade": {"ja": "すべての空欄に入力済みなので採点します。", "en": "Every blank has an answer: grading it."},
    "time_up_partial": {"ja": "入力済みの空欄だけを採点し、未完として記録します。",
                        "en": "Grading the blanks you answered; the question is recorded as unfinished."},
    "time_up_none": {"ja": "未回答のため、未完として記録します。", "en": "Nothing answered: recorded as unfinished."},
    "time_left": {"ja": "この問題 {took} ・ 残り {left}", "en": "{took} on this question · {left} left"},
}


def show(con, problem, hole, lang, intro=True):
    con.rule(f"[bold]{problem.title[lang]}[/bold]  [dim]{problem.id} · {problem.item} {problem.topic} · "
             f"level={hole.level} seed={hole.seed}[/dim]")
    render.code(con, holes.display_text(hole))
    if intro:
        con.print(f"[dim]{i18n.text(TEXT, 'intro', lang)}[/dim]")


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
    return summary(con, outcome, lang)


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
                    action = _ask(con, hole, s, lang, input_fn, allow_skip)
                    if action != "answer":
                        out.quit = action == "quit"
                        out.skipped = action == "skip"
                        return _done(out, started)
            verdict = _grade(con, problem, hole, states, lang, out, started, mode, session_id)
            if verdict.passed:
                _say_passed(con, states, lang)
                if not any(s.revealed for s in states):
                    # Only the learner's own work is kept as their answer (the capstone trains with it).
                    path = _save(con, problem, hole, states, lang)
                    if path and mode == "drill":
                        con.print(f"[dim]{i18n.text(TEXT, 'saved', lang, path=path)}[/dim]")
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
            con.print(f"[yellow]{i18n.text(TEXT, 'retry_or_next' if allow_skip else 'retry', lang)}[/yellow]")
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


def _say_passed(con, states, lang):
    """✓ Passed, unless answers were revealed: the file passes then, but not as the learner's own work."""
    revealed = [s.label for s in states if s.revealed]
    if revealed:
        con.print(f"[bold magenta]{i18n.text(TEXT, 'passed_revealed', lang, labels=' '.join(revealed))}[/bold magenta]")
    else:
        con.print(f"[bold green]✓ {i18n.text(render.TEXT, 'passed', lang)}[/bold green]")


def _done(out, started):
    out.seconds = time.monotonic() - started
    return out


def _show_time(con, countdown, started, lang):
    if countdown is not None:
        took = clock(time.monotonic() - started, up=False)
        left = clock(countdown.remaining())
        con.print(f"[cyan]⏱ {i18n.text(TEXT, 'time_left', lang, took=took, left=left)}[/cyan]")


def _grade(con, problem, hole, states, lang, out, started, mode, session_id):
    """One graded round of every blank: judge, update the states, record it, show the per-blank verdicts."""
    text = _filled_text(hole, states)
    with render.status(con, lang, "grade"):
        verdict = judge(problem, text, hole)
    by_label = {b.label: b for b in verdict.blanks}
    for s in states:
        _judged(s)
        b = by_label.get(s.label)
        s.passed = verdict.passed or bool(b and b.passed)
        if not s.passed:
            s.misses += 1
        s.fresh = False
    out.rounds += 1
    record_round(con, lang, problem, hole, states, verdict, text, time.monotonic() - started, mode, session_id)
    render.blanks(con, _without_file_lines(verdict.blanks), lang)
    return verdict


def _judged(s):
    """A blank's answer goes into a graded round (the summary counts graded tries only)."""
    if s.fresh and not s.revealed:
        s.graded_tries += 1
    s.judged = True


def _time_up(con, problem, hole, states, lang, out, started, mode, session_id):
    """The countdown ran out during this question.

    Nothing typed since the last graded round: that round stands (nothing more is recorded).
    Every unsolved blank has an answer (typed now, or kept from an earlier round): graded and
    recorded as usual. Otherwise the attempt is recorded as unfinished, with the answers typed
    so far (each judged on its own, the other blanks holding the reference line).
    """
    con.print(f"[bold yellow]{i18n.text(TEXT, 'time_up', lang)}[/bold yellow]")
    if out.rounds and not any(s.fresh for s in states):
        return
    if all(s.answer is not None for s in states if not s.passed):
        con.print(f"[dim]{i18n.text(TEXT, 'time_up_grade', lang)}[/dim]")
        verdict = _grade(con, problem, hole, states, lang, out, started, mode, session_id)
        if verdict.passed:
            _say_passed(con, states, lang)
            if not any(s.revealed for s in states):
                _save(con, problem, hole, states, lang)
            out.passed = True
        return
    out.unfinished = True
    answered = [s for s in states if s.answer is not None]
    seconds = time.monotonic() - started
    if not answered:
        con.print(f"[dim]{i18n.text(TEXT, 'time_up_none', lang)}[/dim]")
        record_round(con, lang, problem, hole, states, None, None, seconds, mode, session_id, unfinished=True)
        return
    con.print(f"[dim]{i18n.text(TEXT, 'time_up_partial', lang)}[/dim]")
    text = _filled_text(hole, states)  # unanswered blanks keep their __blank__("…") line
    with render.status(con, lang, "grade"):
        verdict = judge(problem, text, hole)
    by_label = {b.label: b for b in verdict.blanks}
    for s in answered:
        _judged(s)
        b = by_label.get(s.label)
        s.passed = bool(b and b.passed)
        if not s.passed:
            s.misses += 1
    record_round(con, lang, problem, hole, states, verdict, text, seconds, mode, session_id, unfinished=True)
    render.blanks(con, _without_file_lines([by_label[s.label] for s in answered if s.label in by_label]), lang)


def _ask(con, hole, s, lang, input_fn, allow_skip=False):
    """Prompt until the blank has a syntactically valid answer: "answer", or "quit" / "skip" (n, allow_skip).
    The blank's context comes first (the listing may have scrolled away); c shows the whole code again."""
    show_context(con, hole, s.label)
    while True:
        lhs = s.candidate.lhs
        prompt = f"{s.label} {lhs}" if lhs else f"{s.label} "
        reply = read_answer(con, prompt, input_fn, body=is_body(s.candidate))
        stripped = reply.strip()
        if stripped in QUIT_WORDS:
            return "quit"
        if allow_skip and stripped in SKIP_WORDS:
            return "skip"
        if stripped in CODE_WORDS:
            render.code(con, holes.display_text(hole))
            continue
        if stripped == "?":
            if s.hints_used < len(s.hint_list):
                con.print(f"[cyan]💡 {s.hint_list[s.hints_used]}[/cyan]")
                s.hints_used += 1
            else:
                con.print(f"[dim]{i18n.text(TEXT, 'no_more_hints', lang)}[/dim]")
            continue
        if stripped == "!":
            s.revealed = True
            s.answer = s.candidate.text
            s.fresh = True
            con.print(f"[magenta]{i18n.text(TEXT, 'revealed', lang, code=s.candidate.text)}[/magenta]")
            return "answer"
        if not stripped:
            con.print(f"[dim]{i18n.text(TEXT, 'empty', lang, label=s.label)}[/dim]")
            continue
        statement, error = statement_for(s.candidate, reply)
        if error:
            con.print(f"[red]{i18n.text(TEXT, 'syntax', lang, msg=error)}[/red]")
            continue
        s.answer = statement
        s.attempts += 1
        s.fresh = True
        return "answer"


CONTEXT_BEFORE = 3   # code lines shown above a blank, after its def line; one line below


def blank_context(hole, label):
    """The listing's lines around a blank, as [(line number, text)] numbered as `show` numbers them: the def or
    class line it sits in, up to CONTEXT_BEFORE code lines above it (docstrings and empty lines skipped), the
    blank's line and the next code line."""
    lines = holes.display_text(hole).splitlines()
    marker = f"＿＿＿{label}＿＿＿"
    at = next((i for i, line in enumerate(lines) if marker in line), None)
    if at is None:
        return []
    in_doc, inside = set(), False
    for i, line in enumerate(lines):
        quotes = line.count('"""') + line.count("'''")
        if inside or quotes:
            in_doc.add(i)
        if quotes % 2:
            inside = not inside
    code = [i for i, line in enumerate(lines) if line.strip() and i not in in_doc]
    indent = len(lines[at]) - len(lines[at].lstrip())
    owner = next((i for i in range(at - 1, -1, -1) if lines[i].lstrip().startswith(("def ", "class "))
                  and len(lines[i]) - len(lines[i].lstrip()) < indent), None)
    before = [i for i in code if i < at and (owner is None or i > owner)][-CONTEXT_BEFORE:]
    after = [i for i in code if i > at][:1]
    chosen = ([owner] if owner is not None else []) + before + [at] + after
    for a, b in zip(chosen, chosen[1:]):  # a gap of empty lines only is shown, not cut
        if all(not lines[i].strip() for i in range(a + 1, b)):
            chosen += range(a + 1, b)
    return [(i + 1, lines[i]) for i in sorted(chosen)]


def show_context(con, hole, label):
    """The blank's context (blank_context), with ⋮ where lines are left out."""
    blocks = []
    for number, text in blank_context(hole, label):
        if blocks and number == blocks[-1][-1][0] + 1:
            blocks[-1].append((number, text))
        else:
            blocks.append([(number, text)])
    for k, block in enumerate(blocks):
        if k:
            con.print("[dim]    ⋮[/dim]")
        render.code(con, "\n".join(text for _, text in block), start_line=block[0][0])


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
                continue  # not answered yet: the __blank__("…") line stays
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
    from examprep.learn import progress, records

    graded = [s for s in states if s.answer is not None] if unfinished else states
    attempt = records.Attempt(
        problem=problem.id, mode=mode, passed=bool(verdict and verdict.passed) and not unfinished,
        level=hole.level, blanks=len(hole.labels), seed=hole.seed, unfinished=unfinished,
        blank_results=[{"label": s.label, "passed": s.passed, "tries": s.attempts, "hints": s.hints_used,
                        "revealed": s.revealed, "reference": s.candidate.text} for s in graded],
        failure_check=(verdict.failure.check if verdict and verdict.failure else None), answer=text,
        hints=sum(s.hints_used for s in states), reveals=sum(1 for s in states if s.revealed),
        seconds=round(seconds, 2), session_id=session_id)
    progress.record_safely(attempt, on_error=lambda exc: con.print(f"[red]{exc.message(lang)}[/red]"))


def _without_file_lines(blank_verdicts):
    """Line numbers refer to the hole file, which the drill does not show: drop them."""
    import copy
    import dataclasses
    import re

    out = []
    for b in blank_verdicts:
        b = copy.copy(b)
        if b.failure:
            b.failure = dataclasses.replace(b.failure,
                                            en=re.sub(r"\(line \d+: ", "(", b.failure.en),
                                            ja=re.sub(r"(\d+) 行目: ", "", b.failure.ja))
        out.append(b)
    return out
