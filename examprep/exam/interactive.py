"""`examprep mock-exam`: choose what to do (sit, resume, submit, print, export) and run the exam at the terminal.

The exam screen shows one question at a time with the time left; every line is read with
drill.input_until, as practice reads it: line editing (readline), and when the deadline passes
while the learner is typing the input is abandoned and the exam is submitted as it stands. Ctrl-C, Ctrl-D and q pause (the state is already saved;
the clock keeps running); --resume continues.
"""
import random
import sys
import time
import unicodedata

from rich.markup import escape
from rich.syntax import Syntax

from examprep.common import i18n, render
from examprep.common.errors import fail
from examprep.learn.drill import TimeUp, input_until
from examprep.exam import results
from examprep.exam.framework import FRAMEWORK_NAMES
from examprep.exam.model import in_lang
from examprep.exam.sitting import Sitting, SittingError
from examprep.problem.syllabus import AREAS
from examprep.common.timefmt import clock

TEXT = {
    "intro": {"ja": "模擬試験 {n} 問 ・ 制限時間 {m} ・ 合格ライン {line}% (仮定)。採点は提出後です。"
                    "1-4 で選択、f フラグ、n/p 次・前、g N 移動、l 一覧、s 提出、q 中断、? 操作一覧。",
              "en": "Mock exam: {n} questions, {m} on the clock, pass line {line}% (assumed). Verdicts come after you "
                    "submit. 1-4 choose, f flag, n/p next/previous, g N go to, l list, s submit, q pause, ? help."},
    "intro_typed": {"ja": "記述式の問題 ({n} 問) は w で解答を入力します。",
                    "en": "Typed questions ({n}): press w to type the answer."},
    "composition": {"ja": "分野の配分: {parts}", "en": "Areas: {parts}"},
    "framework": {"ja": "フレームワーク: {name}", "en": "Framework: {name}"},
    "ask_framework": {"ja": "フレームワーク問題を選んでください (本番では最初に選びます): 1) NumPy のみ (既定)  "
                            "2) PyTorch (コード問題の 3 分の 1 を PyTorch に) [1/2] ",
                      "en": "Choose the framework track (the real exam asks at the start): 1) NumPy only (default)  "
                            "2) PyTorch (a third of the code questions in PyTorch) [1/2] "},
    "bad_framework": {"ja": "1 (NumPy) か 2 (PyTorch) で答えてください。", "en": "Answer 1 (NumPy) or 2 (PyTorch)."},
    "resumed": {"ja": "試験を再開します (残り {left})。", "en": "Resuming the exam ({left} left)."},
    "help": {"ja": "1-4 / a-d: 選択肢を選ぶ ・ w: 記述式の解答を入力 ・ f: フラグ ・ n または Enter: 次へ ・ p: 前へ ・ "
                   "g N: N 問目へ ・ l: 一覧 ・ s: 提出 ・ q: 中断 (時計は進み続けます。再開は --resume)",
             "en": "1-4 / a-d: choose · w: type the answer of a typed question · f: flag · n or Enter: next · "
                   "p: previous · g N: go to question N · l: list · s: submit · q: pause (the clock keeps running; "
                   "--resume to continue)"},
    "header": {"ja": "問 {k}/{n} ・ 分野 {area} {name} ・ {item}{flag} ・ この問題 {spent} (目安 {pace}) ・ 残り {left}",
               "en": "Question {k}/{n} · area {area} {name} · {item}{flag} · {spent} on it (pace {pace}) · {left} left"},
    "typed_hint": {"ja": "記述式: w を押して {label} に入るコードを入力 (実行して採点します)。",
                   "en": "Typed question: press w and type the code for {label} (graded by running it)."},
    "your_text": {"ja": "あなたの解答: {text}", "en": "Your answer: {text}"},
    "bad": {"ja": "'{cmd}' は使えません。? で操作一覧。", "en": "'{cmd}' is not a command: ? for help."},
    "not_choice": {"ja": "この問題は記述式です: w で解答を入力してください。", "en": "This is a typed question: press w to answer."},
    "not_typed": {"ja": "この問題は選択式です: 1-4 で選んでください。", "en": "This is a multiple-choice question: choose 1-4."},
    "flagged": {"ja": "⚑ フラグを付けました。", "en": "⚑ Flagged."},
    "unflagged": {"ja": "フラグを外しました。", "en": "Flag removed."},
    "last": {"ja": "最後の問題です。l で一覧、s で提出。", "en": "This is the last question: l for the list, s to submit."},
    "first": {"ja": "最初の問題です。", "en": "This is the first question."},
    "goto_bad": {"ja": "1〜{n} の番号を指定してください (例: g 12)。", "en": "Give a number from 1 to {n} (e.g. g 12)."},
    "list_title": {"ja": "解答済み ● {answered}/{total} ・ 未解答 · {unanswered} ・ フラグ ⚑ {flagged}",
                   "en": "Answered ● {answered}/{total} · unanswered · {unanswered} · flagged ⚑ {flagged}"},
    "confirm": {"ja": "提出しますか? 未解答 {unanswered} 問、フラグ {flagged} 問。提出後は変更できません。[y/N] ",
                "en": "Submit? {unanswered} unanswered, {flagged} flagged. Answers cannot be changed after. [y/N] "},
    "paused": {"ja": "中断しました。解答は保存済みです。時計は進み続けます (残り {left})。再開: examprep mock-exam --resume",
               "en": "Paused. Your answers are saved. The clock keeps running ({left} left). Resume: "
                     "examprep mock-exam --resume"},
    "time_up": {"ja": "⏰ 時間切れです。その時点の解答で提出します。", "en": "⏰ Time is up: submitting the exam as it stands."},
    "expired_closed": {"ja": "⏰ 閉じている間に時間切れになったため、保存された解答で提出しました。",
                       "en": "⏰ Time ran out while the exam was closed: it was submitted with the answers saved."},
    "open_exists": {"ja": "開始済みの試験があります (残り {left})。再開は --resume、そのまま提出は --submit。",
                    "en": "An exam is already open ({left} left): --resume to go on, --submit to submit it as it stands."},
    "no_open": {"ja": "開始済みの試験はありません。examprep mock-exam で始めてください。",
                "en": "No exam is open: start one with examprep mock-exam."},
    "grading": {"ja": "記述式の解答を実行して採点しています…", "en": "Grading the typed answers by running them…"},
    "preparing": {"ja": "問題を作成しています (初回は誤答の検証に少し時間がかかります)…",
                  "en": "Preparing the questions (the first time, proving the distractors takes a little while)…"},
    "proving": {"ja": "誤答を実行して検証しています: {title} ({k} 問題目。初回は出題する問題だけを検証します)…",
                "en": "Proving the distractors by running them: {title} (problem {k}; the first time, only the "
                      "problems this exam uses are proven)…"},
    "store_failed": {"ja": "結果を進捗データベースに保存できませんでした: {msg}", "en": "Could not save the result to the progress store: {msg}"},
    "store_retry": {"ja": "結果は試験ファイルに保存済みです。次に examprep mock-exam を実行したときに記録し直します。",
                    "en": "The result is kept in the exam's file; the next examprep mock-exam records it."},
    "wrote_print": {"ja": "{path} に {n} 問を書き出しました (解答は別ページ)。", "en": "Wrote {n} questions to {path} (answer key on separate pages)."},
    "wrote_export": {"ja": "{path} に {n} 問を書き出しました (schema examprep.exam/1)。",
                     "en": "Wrote {n} questions to {path} (schema examprep.exam/1)."},
    "bad_area": {"ja": "分野 '{area}' はありません (1〜5 または分野名)。", "en": "no area '{area}' (use 1-5 or an area name)."},
    "ignored": {"ja": "再開した試験は作成時の設定のままです ({what} は無視しました)。",
                "en": "A resumed exam keeps its own settings ({what} ignored)."},
}


def main(args):
    from examprep.exam.compose import CompositionError
    from examprep.learn.progress import StoreError

    lang = args.lang
    try:
        return _main(args, lang)
    except (SittingError, CompositionError, StoreError) as exc:
        return fail(lang, exc)


def _areas(args, lang):
    if not args.area:
        return None
    from examprep.exam.compose import resolve_area

    keys = []
    for text in args.area:
        key = resolve_area(text)
        if key is None:
            raise SittingError(i18n.text(TEXT, "bad_area", "ja", area=text),
                               i18n.text(TEXT, "bad_area", "en", area=text))
        keys.append(key)
    return sorted(set(keys))


def _ask_framework(args, lang, ask=input):
    """The track of a sitting: --framework, else asked at the terminal where the exam has code questions that a
    track changes, else numpy. None when the learner leaves (Ctrl-C, Ctrl-D)."""
    from examprep.exam.compose import framework_applies

    if args.framework or not sys.stdin.isatty() or not framework_applies(args.questions or 100, _areas(args, lang)):
        return args.framework or "numpy"
    while True:
        try:
            answer = unicodedata.normalize("NFKC", ask(i18n.text(TEXT, "ask_framework", lang))).strip().lower()
        except (KeyboardInterrupt, EOFError):
            return None
        if answer in ("", "1", "numpy"):
            return "numpy"
        if answer in ("2", "pytorch", "torch"):
            return "pytorch"
        print(i18n.text(TEXT, "bad_framework", lang))


def _compose(args, lang, con, framework="numpy"):
    from examprep.exam.compose import compose
    from examprep.exam.sitting import default_minutes

    count = args.questions or 100
    minutes = args.minutes or default_minutes(count)
    seed = args.seed if args.seed is not None else random.randrange(1_000_000)
    areas = _areas(args, lang)
    if con.is_terminal:
        con.print(f"[dim]{i18n.text(TEXT, 'preparing', lang)}[/dim]")
    with render.status(con, lang, "prepare") as shown:
        def proving(problem, before):
            # only problems whose proof runs the grader (a cache miss): the count so far, never a guessed total
            if shown is not None:
                shown.update(i18n.text(TEXT, "proving", lang, title=problem.title[lang], k=before + 1))

        questions = compose(count, seed=seed, areas=areas, typed=getattr(args, "typed", False), framework=framework,
                            on_progress=proving)
    return questions, minutes, seed, areas


def _main(args, lang):
    from examprep.exam import paper
    from examprep.exam.compose import AREA_WEIGHTS
    from examprep.exam.scoring import PASS_LINE
    from examprep.exam.sitting import refuse_existing, start_session, write_new

    con = render.console()
    if args.print_file or args.export_file:
        refuse_existing(args.print_file or args.export_file, args.force)
        framework = args.framework or "numpy"
        questions, minutes, seed, areas = _compose(args, lang, render.console(stderr=True), framework)
        if args.print_file:
            path = write_new(args.print_file, paper.render_markdown(questions, lang, seed, minutes, PASS_LINE,
                                                                    framework), args.force)
            print(i18n.text(TEXT, "wrote_print", lang, path=path, n=len(questions)))
        else:
            path = write_new(args.export_file, paper.export_json(questions, seed, areas, minutes, PASS_LINE,
                                                                 AREA_WEIGHTS, framework), args.force)
            print(i18n.text(TEXT, "wrote_export", lang, path=path, n=len(questions)))
        return 0

    for done in Sitting.unrecorded():   # results the store could not take when they were submitted
        _record(con, done, lang)
    open_ones = Sitting.open_ones()
    if args.submit or args.resume:
        if not open_ones:
            raise SittingError(i18n.text(TEXT, "no_open", "ja"), i18n.text(TEXT, "no_open", "en"))
        sitting = open_ones[-1]
        sitting.lock()
        given = [name for name, value in (("--questions", args.questions), ("--minutes", args.minutes),
                                          ("--seed", args.seed), ("--area", args.area),
                                          ("--framework", args.framework)) if value]
        if given:
            con.print(f"[yellow]{i18n.text(TEXT, 'ignored', lang, what=', '.join(given))}[/yellow]")
        if args.submit:
            return _finish(con, sitting, "submitted", lang)
        if sitting.expired():
            con.print(i18n.text(TEXT, "expired_closed", lang))
            return _finish(con, sitting, "timeout", lang)
        con.print(i18n.text(TEXT, "resumed", lang, left=clock(sitting.remaining())))
        return _sit(con, sitting, lang)

    for old in open_ones:
        if old.expired():   # ran out while closed: submit it now, as it stood
            old.lock()
            con.print(i18n.text(TEXT, "expired_closed", lang))
            _finish(con, old, "timeout", lang)
    still_open = [s for s in open_ones if not s.expired()]
    if still_open:
        left = clock(still_open[-1].remaining())
        raise SittingError(i18n.text(TEXT, "open_exists", "ja", left=left),
                           i18n.text(TEXT, "open_exists", "en", left=left))
    framework = _ask_framework(args, lang)
    if framework is None:
        return 130
    questions, minutes, seed, areas = _compose(args, lang, con, framework)
    session_id = None
    try:
        session_id = start_session(minutes)
    except Exception as exc:  # noqa: BLE001 - a store problem must not stop the exam; it is said and retried at the end
        from examprep.learn.progress import StoreError

        if not isinstance(exc, StoreError):
            raise
        con.print(f"[yellow]{i18n.text(TEXT, 'store_failed', lang, msg=exc.message(lang))}[/yellow]")
    sitting = Sitting.new(questions, minutes, seed, areas, session_id=session_id)
    sitting.lock()
    sitting.data["framework"] = framework
    sitting.save()
    from examprep.exam.compose import composition

    con.print(i18n.text(TEXT, "intro", lang, n=len(questions), m=clock(minutes * 60, up=False),
                        line=round(PASS_LINE * 100)))
    typed = sum(q.kind == "code_free" for q in questions)
    if typed:
        con.print(i18n.text(TEXT, "intro_typed", lang, n=typed))
    parts = " · ".join(f"{a} {AREAS[a][lang]} {n}" for a, n in composition(questions).items())
    con.print(f"[dim]{i18n.text(TEXT, 'composition', lang, parts=parts)}[/dim]")
    con.print(f"[dim]{i18n.text(TEXT, 'framework', lang, name=FRAMEWORK_NAMES[framework])}[/dim]")
    return _sit(con, sitting, lang)


# --- the exam screen ------------------------------------------------------------------------------------------------


def _show(con, sitting, index, lang):
    q = sitting.questions[index]
    a = sitting.answer_of(index)
    flag = " ⚑" if a["flagged"] else ""
    con.print()
    con.rule(i18n.text(TEXT, "header", lang, k=index + 1, n=len(sitting.questions), area=q.area, name=AREAS[q.area][lang],
                       item=q.item, flag=flag, spent=clock(a["seconds"], up=False), pace=clock(sitting.pace(), up=False),
                       left=clock(sitting.remaining())), style="cyan")
    con.print(escape(in_lang(q.stem[lang], lang)))
    if q.code:
        con.print(Syntax(in_lang(q.code, lang).rstrip("\n"), "python", line_numbers=False, word_wrap=True,
                         theme="ansi_dark"))
    if q.kind == "code_free":
        con.print(f"[dim]{i18n.text(TEXT, 'typed_hint', lang, label=in_lang(q.label, lang))}[/dim]")
        if a["text"]:
            con.print(i18n.text(TEXT, "your_text", lang, text=f"[bold]{escape(a['text'])}[/bold]"))
        return
    for i, option in enumerate(q.options):
        mark = "[bold green]▶[/bold green]" if a["choice"] == i else " "
        con.print(f" {mark} [bold]{i + 1})[/bold] {escape(option.shown(lang))}")


def _list(con, sitting, lang):
    counts = sitting.counts()
    con.print(i18n.text(TEXT, "list_title", lang, **counts))
    cells = []
    for i, q in enumerate(sitting.questions):
        a = sitting.answer_of(i)
        mark = "●" if sitting.answered(i) else "·"      # not ✓: the list says answered, not right
        flag = "⚑" if a["flagged"] else " "
        here = ">" if i == sitting.current else " "
        cells.append(f"{here}{i + 1:>3}{mark}{flag}")
    for row in range(0, len(cells), 10):
        con.print(" ".join(cells[row:row + 10]), highlight=False)


def _ask(sitting, prompt):
    """A line of input, or TimeUp when the exam's wall-clock deadline passes first."""
    return input_until(sitting.remaining, prompt)


def _time_up(con, sitting, lang):
    sitting.save()
    con.print()
    con.print(f"[bold yellow]{i18n.text(TEXT, 'time_up', lang)}[/bold yellow]")
    return _finish(con, sitting, "timeout", lang)


def _prompt(sitting, index):
    return f"[{clock(sitting.remaining())}] {index + 1}/{len(sitting.questions)} > "


def _typed_prompt(sitting, question, lang):
    """The prompt for a typed answer: the same clock as the command prompt (the exam's time runs while typing)."""
    return f"[{clock(sitting.remaining())}] {in_lang(question.label, lang)} = "


def _sit(con, sitting, lang):
    redraw = True
    while True:
        index = sitting.current
        q = sitting.questions[index]
        if redraw:
            _show(con, sitting, index, lang)
        redraw = False
        started = time.monotonic()
        try:
            text = _ask(sitting, _prompt(sitting, index)).strip()
        except TimeUp:
            sitting.add_time(index, time.monotonic() - started)
            return _time_up(con, sitting, lang)
        except (KeyboardInterrupt, EOFError) as exc:
            sitting.add_time(index, time.monotonic() - started)
            sitting.save()
            con.print()
            con.print(i18n.text(TEXT, "paused", lang, left=clock(sitting.remaining())))
            return 130 if isinstance(exc, KeyboardInterrupt) else 0
        sitting.add_time(index, time.monotonic() - started)
        cmd = unicodedata.normalize("NFKC", text).lower()   # full-width １ / ｙ typed with the IME on
        if cmd in ("1", "2", "3", "4", "a", "b", "c", "d"):
            if q.kind == "code_free":
                con.print(i18n.text(TEXT, "not_choice", lang))
                continue
            choice = int(cmd) - 1 if cmd.isdigit() else "abcd".index(cmd)
            if choice >= len(q.options):
                con.print(i18n.text(TEXT, "bad", lang, cmd=text))
                continue
            sitting.choose(index, choice)
            redraw = _advance(con, sitting, index, lang) or True
        elif cmd == "w":
            if q.kind != "code_free":
                con.print(i18n.text(TEXT, "not_typed", lang))
                continue
            started = time.monotonic()
            try:
                typed = _ask(sitting, _typed_prompt(sitting, q, lang))
            except TimeUp:
                sitting.add_time(index, time.monotonic() - started)
                return _time_up(con, sitting, lang)
            except (KeyboardInterrupt, EOFError):
                sitting.add_time(index, time.monotonic() - started)
                con.print()
                continue
            sitting.add_time(index, time.monotonic() - started)
            if typed.strip():
                sitting.write(index, typed.strip())
                redraw = _advance(con, sitting, index, lang) or True
        elif cmd == "f":
            con.print(i18n.text(TEXT, "flagged" if sitting.toggle_flag(index) else "unflagged", lang))
        elif cmd in ("n", ""):
            redraw = _advance(con, sitting, index, lang)
        elif cmd == "p":
            if index == 0:
                con.print(i18n.text(TEXT, "first", lang))
            else:
                sitting.go(index - 1)
                redraw = True
        elif cmd.startswith("g"):
            number = cmd[1:].strip()
            if number.isdigit() and 1 <= int(number) <= len(sitting.questions):
                sitting.go(int(number) - 1)
                redraw = True
            else:
                con.print(i18n.text(TEXT, "goto_bad", lang, n=len(sitting.questions)))
        elif cmd == "l":
            _list(con, sitting, lang)
        elif cmd in ("?", "h", "help"):
            con.print(i18n.text(TEXT, "help", lang))
        elif cmd == "s":
            started = time.monotonic()
            try:
                confirm = i18n.text(TEXT, "confirm", lang, **sitting.counts())
                sure = unicodedata.normalize("NFKC", _ask(sitting, confirm)).strip().lower()
            except TimeUp:
                sitting.add_time(index, time.monotonic() - started)
                return _time_up(con, sitting, lang)
            except (KeyboardInterrupt, EOFError):
                con.print()
                continue
            sitting.add_time(index, time.monotonic() - started)
            if sure in ("y", "yes", "はい"):
                sitting.save()
                return _finish(con, sitting, "submitted", lang)
        elif cmd == "q":
            sitting.save()
            con.print(i18n.text(TEXT, "paused", lang, left=clock(sitting.remaining())))
            return 0
        else:
            con.print(i18n.text(TEXT, "bad", lang, cmd=text))


def _advance(con, sitting, index, lang):
    """Move to the next question; False (and a note) on the last one."""
    if index + 1 >= len(sitting.questions):
        sitting.save()
        con.print(i18n.text(TEXT, "last", lang))
        return False
    sitting.go(index + 1)
    return True


def _finish(con, sitting, reason, lang):
    has_typed = any(q.kind == "code_free" and (sitting.answer_of(i)["text"] or "").strip()
                    for i, q in enumerate(sitting.questions))
    if has_typed and sitting.data["status"] == "open":
        con.print(f"[dim]{i18n.text(TEXT, 'grading', lang)}[/dim]")
    with render.status(con, lang, "grade"):
        result = sitting.submit(reason)
    _record(con, sitting, lang)
    results.render(con, sitting, result, lang)
    return 0


def _record(con, sitting, lang):
    """Put a submitted sitting into the progress store; when the store cannot take it now, say so: the next
    `examprep mock-exam` tries again (the result is kept in the sitting's file meanwhile)."""
    from examprep.exam.sitting import record
    from examprep.learn.progress import StoreError

    try:
        record(sitting, sitting.data["result"])
    except StoreError as exc:
        con.print(f"[yellow]{i18n.text(TEXT, 'store_failed', lang, msg=exc.message(lang))}[/yellow]")
        con.print(f"[yellow]{i18n.text(TEXT, 'store_retry', lang)}[/yellow]")
