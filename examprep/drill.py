"""The interactive drill: show the hole, read one answer per blank, grade by running, retry.

At a blank's prompt:  an expression or statement(s) answers it (an unfinished
line such as `for ...:` continues on the next lines, as in the Python prompt;
an empty line ends it);  ? shows a hint (again for a stronger one);  ! reveals
the reference line (the blank then counts as not solved);  q stops.
"""
import ast
import codeop
import random
import time
from dataclasses import dataclass, field

from examprep import holes, render, store
from examprep.i18n import pick
from examprep.verdict import judge

TEXT = {
    "intro": {"ja": "空欄の行を入力してください。? ヒント / ! 答えを見る / q 終了。複数行は空行で終わります。",
              "en": "Type the line for each blank. ? hint / ! reveal / q quit. End a multi-line answer with an empty line."},
    "syntax": {"ja": "文法エラー: {msg}。もう一度入力してください。", "en": "Syntax error: {msg}. Try again."},
    "empty": {"ja": "空欄 {label} に何か入力してください (? でヒント)。", "en": "Type something for {label} (? for a hint)."},
    "no_more_hints": {"ja": "これ以上のヒントはありません (! で答えを表示)。", "en": "No more hints (! reveals the answer)."},
    "revealed": {"ja": "答え: {code}", "en": "Answer: {code}"},
    "retry": {"ja": "✗ の空欄をもう一度入力してください。", "en": "Try the ✗ blanks again."},
    "summary": {"ja": "結果", "en": "Summary"},
    "solved": {"ja": "空欄 {n} 個中 {k} 個を自力で正解 ({secs:.0f} 秒)。", "en": "Solved {k} of {n} blanks yourself ({secs:.0f} s)."},
    "quit": {"ja": "中断しました。", "en": "Stopped."},
    "saved": {"ja": "解答を保存しました: {path}", "en": "Saved your answer: {path}"},
    "names": {"ja": "この行で使う名前: {names}", "en": "Names this line uses: {names}"},
    "skeleton": {"ja": "形: {code}", "en": "Shape of the line: {code}"},
}


def _t(key, lang, **kw):
    return pick(TEXT[key], lang).format(**kw)


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
    states = [BlankState(lab, cand) for lab, cand in zip(hole.labels, hole.blanks)]
    for s in states:
        s.hint_list = hints_for(problem, s.candidate, lang)

    con.rule(f"[bold]{problem.title[lang]}[/bold]  [dim]{problem.id} · {problem.item} {problem.topic} · "
             f"level={hole.level} seed={seed}[/dim]")
    render.code(con, holes.display_text(hole))
    con.print(f"[dim]{_t('intro', lang)}[/dim]")
    started = time.monotonic()
    try:
        while True:
            for s in states:
                if not s.passed:
                    if not _ask(con, s, lang, input_fn):
                        return _finish(con, problem, states, started, lang, quit=True)
            text = _filled_text(hole, states)
            with render.status(con, lang, "grade"):
                verdict = judge(problem, text, hole)
            by_label = {b.label: b for b in verdict.blanks}
            for s in states:
                b = by_label.get(s.label)
                s.passed = verdict.passed or bool(b and b.passed)
            record_round(con, lang, problem, hole, states, verdict, text, time.monotonic() - started, mode, run_id)
            render.blanks(con, _without_file_lines(verdict.blanks), lang)
            if verdict.passed:
                con.print(f"[bold green]✓ {render.t('passed', lang)}[/bold green]")
                path = store.save_solution(problem.id, text)
                con.print(f"[dim]{_t('saved', lang, path=path)}[/dim]")
                return _finish(con, problem, states, started, lang)
            if all(s.passed for s in states):
                # Right one by one but not together: show why, and ask for every blank again.
                con.print(render.failure_text(verdict.failure, lang))
                for note in verdict.notes:
                    con.print(f"[yellow]{pick(note, lang)}[/yellow]")
                for s in states:
                    s.passed = False
            con.print(f"[yellow]{_t('retry', lang)}[/yellow]")
    except (KeyboardInterrupt, EOFError):
        con.print()
        return _finish(con, problem, states, started, lang, quit=True)


def _read_answer(con, prompt, input_fn):
    """One answer: a line, or several when the first is unfinished Python (like the REPL)."""
    lines = [input_fn(prompt)]
    if lines[0].strip() in ("?", "!", "q", "quit"):
        return lines[0].strip()
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


def _ask(con, s, lang, input_fn):
    """Prompt until the blank has a syntactically valid answer. False when the learner quits."""
    while True:
        lhs = s.candidate.lhs
        prompt = f"{s.label} {lhs}" if lhs else f"{s.label} "
        reply = _read_answer(con, prompt, input_fn)
        stripped = reply.strip()
        if stripped in ("q", "quit"):
            return False
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
            con.print(f"[magenta]{_t('revealed', lang, code=s.candidate.text)}[/magenta]")
            return True
        if not stripped:
            con.print(f"[dim]{_t('empty', lang, label=s.label)}[/dim]")
            continue
        statement, error = statement_for(s.candidate, reply)
        if error:
            con.print(f"[red]{_t('syntax', lang, msg=error)}[/red]")
            continue
        s.answer = statement
        s.attempts += 1
        return True


def statement_for(candidate, reply):
    """The statement(s) a typed reply stands for: an expression completes the visible
    left-hand side (`col = ` + reply); statements replace the whole line."""
    text = reply.strip("\n")
    import textwrap

    text = textwrap.dedent(text)
    if candidate.lhs:
        try:
            tree = ast.parse(text, mode="eval")
            return candidate.lhs + text.strip(), None
        except SyntaxError:
            pass
    try:
        ast.parse(text)
    except SyntaxError as exc:
        return None, exc.msg
    return text, None


def _filled_text(hole, states):
    """The hole file with every blank's region holding the learner's answer."""
    lines = hole.text.splitlines()
    out = []
    by_label = {s.label: s for s in states}
    inside = None
    for line in lines:
        stripped = line.strip()
        if stripped.startswith(holes.MARK_OPEN.strip()):
            inside = stripped[len(holes.MARK_OPEN.strip()):].strip()
            out.append(line)
            indent = line[:len(line) - len(line.lstrip())]
            answer = by_label[inside].answer or ""
            out.extend(indent + a if a.strip() else "" for a in answer.splitlines())
            continue
        if stripped.startswith(holes.MARK_CLOSE.strip()):
            inside = None
            out.append(line)
            continue
        if inside is None:
            out.append(line)
    return "\n".join(out) + "\n"


def hints_for(problem, candidate, lang):
    """Hints from weakest to strongest: the authored ones, the names used, the line's skeleton."""
    out = [h.text[lang] for h in problem.hint_for(candidate.text)]
    try:
        tree = ast.parse(candidate.text)
    except SyntaxError:
        return out
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            names.append(ast.unparse(node))
        elif isinstance(node, ast.Name) and node.id not in names:
            names.append(node.id)
        elif isinstance(node, ast.keyword) and node.arg:
            names.append(node.arg + "=")
    seen = []
    for n in names:
        if n not in seen and not any(n != o and o.startswith(n + ".") for o in names):
            seen.append(n)
    if seen:
        out.append(_t("names", lang, names=", ".join(seen[:12])))
    out.append(_t("skeleton", lang, code=skeleton(candidate.text)))
    return out


class _Mask(ast.NodeTransformer):
    def visit_Constant(self, node):
        return ast.Name(id="＿", ctx=ast.Load())

    def visit_keyword(self, node):
        node.value = ast.Name(id="＿", ctx=ast.Load())
        return node


def skeleton(text):
    """The line with its constants and keyword values masked: `x - np.max(x, axis=＿, keepdims=＿)`."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return text
    return ast.unparse(_Mask().visit(tree))


def record_round(con, lang, problem, hole, states, verdict, text, seconds, mode, session_id):
    """Save one graded round in the progress store; a store problem is shown, never fatal to the drill."""
    from examprep import progress

    attempt = progress.Attempt(
        problem=problem.id, mode=mode, passed=verdict.passed, level=hole.level, blanks=len(states), seed=hole.seed,
        blank_results=[{"label": s.label, "passed": s.passed, "tries": s.attempts, "hints": s.hints_used,
                        "revealed": s.revealed, "reference": s.candidate.text} for s in states],
        failure_check=(verdict.failure or {}).get("check"), answer=text,
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


def _finish(con, problem, states, started, lang, quit=False):
    from rich.table import Table

    secs = time.monotonic() - started
    if quit:
        con.print(f"[yellow]{_t('quit', lang)}[/yellow]")
    table = Table(title=_t("summary", lang), title_justify="left", show_edge=False)
    for col in (("空欄", "Blank"), ("結果", "Result"), ("回答回数", "Tries"), ("ヒント", "Hints"), ("答えを見た", "Revealed")):
        table.add_column(col[0] if lang == "ja" else col[1])
    for s in states:
        result = "✓" if s.passed and not s.revealed else ("👁" if s.revealed else "✗")
        table.add_row(s.label, result, str(s.attempts), str(s.hints_used), "✓" if s.revealed else "")
    con.print(table)
    solved = sum(1 for s in states if s.passed and not s.revealed)
    con.print(_t("solved", lang, n=len(states), k=solved, secs=secs))
    if quit:
        return 130
    return 0 if solved == len(states) else 1
