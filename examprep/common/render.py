"""Terminal output with rich: problem lists, solutions, verdicts, spinners."""
import contextlib
import sys

from examprep.common import i18n
from examprep.common.i18n import pick

TEXT = {
    "prepare": {"ja": "空欄を準備しています (初回は各行が必須かを実行して確かめます)…",
                "en": "Preparing the blanks (the first time, each line is proven load-bearing by running it)…"},
    "grade": {"ja": "実行して採点しています…", "en": "Running your code to grade it…"},
    "passed": {"ja": "正解です。", "en": "Passed."},
    "failed": {"ja": "不正解です。", "en": "Not yet right."},
    "col_problem": {"ja": "問題", "en": "Problem"},
    "col_item": {"ja": "項目", "en": "Item"},
    "col_kind": {"ja": "種類", "en": "Kind"},
}


def console(stderr=False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


@contextlib.contextmanager
def status(con, lang, key, quiet=False):
    """A spinner while something slow runs (only on a terminal); yields the rich Status (its text can be
    updated with .update(...)), or None when nothing is shown."""
    if quiet or not con.is_terminal:
        yield None
        return
    with con.status(i18n.text(TEXT, key, lang)) as shown:
        yield shown


def problem_list(con, problems, lang):
    from rich.markup import escape

    from examprep.common.table import print_table
    from examprep.problem.syllabus import AREAS

    by_area = {}
    for p in problems:
        by_area.setdefault(p.area_key(), []).append(p)
    for area in sorted(by_area):
        title = AREAS[area]["ja"] + (f" / {AREAS[area]['en']}" if lang == "en" else "")
        header = ["ID"] + [i18n.text(TEXT, k, lang) for k in ("col_problem", "col_item", "col_kind")]
        rows = [[escape(p.id), escape(p.title[lang]), escape(f"{p.item} {p.topic}"), p.kind]
                for p in sorted(by_area[area], key=lambda p: (p.item, p.id))]
        # titles and items wrap (never cut with "…"); on a narrow terminal kind, then item, are left out
        print_table(con, f"{area}. {escape(title)}", header, rows, optional=(3, 2), flex=(1, 2),
                    dim=(2, 3))
    hint = ("examprep drill ID で練習を始めます。" if lang == "ja" else "Start with: examprep drill ID")
    con.print(f"[dim]{hint}[/dim]")


def code(con, text, start_line=1):
    from rich.syntax import Syntax

    con.print(Syntax(text, "python", line_numbers=True, start_line=start_line, theme="ansi_dark",
                     word_wrap=True, background_color="default"))


def show(con, problem, lang):
    from rich.markdown import Markdown
    from rich.panel import Panel

    from examprep.problem import source

    con.print(Panel.fit(f"[bold]{problem.title[lang]}[/bold]  [dim]{problem.id} · {problem.item} "
                        f"{problem.section} / {problem.topic}[/dim]"))
    if problem.convention:
        con.print(f"[bold]{'規約' if lang == 'ja' else 'Convention'}:[/bold] {problem.convention[lang]}")
    code(con, source.reference_answer(problem))
    con.print(Markdown(problem.explanation[lang]))


def failure_text(failure, lang):
    from examprep.common.labels import localized

    return localized(failure, lang)


def verdict(con, problem, v, lang):
    from rich.markup import escape
    from rich.panel import Panel

    if v.passed:
        con.print(Panel.fit(f"[bold green]✓ {i18n.text(TEXT, 'passed', lang)}[/bold green]  {problem.title[lang]}",
                            border_style="green"))
    else:
        con.print(Panel(f"[bold red]✗ {i18n.text(TEXT, 'failed', lang)}[/bold red]\n"
                        f"{escape(failure_text(v.failure, lang))}",
                        border_style="red", title=problem.title[lang], title_align="left"))
    if v.blanks:
        blanks(con, v.blanks, lang)
    for note in v.notes:
        con.print(f"[yellow]{escape(pick(note, lang))}[/yellow]")
    if v.output.strip():
        con.print(("[dim]あなたのコードの出力:[/dim]" if lang == "ja" else "[dim]Your code printed:[/dim]"))
        con.print(v.output.rstrip(), markup=False, highlight=False)
    checks = v.checks or {}
    if checks:
        line = (f"ケース {checks.get('cases')} 件 / チェック {checks.get('records')} 項目, {v.elapsed:.2f} 秒"
                if lang == "ja" else
                f"{checks.get('cases')} cases, {checks.get('records')} checks, {v.elapsed:.2f} s")
        con.print(f"[dim]{line}[/dim]")


def blanks(con, blank_verdicts, lang):
    for b in blank_verdicts:
        if b.passed is None:
            mark, msg = "[yellow]?[/yellow]", ("単独では判定できませんでした" if lang == "ja" else "could not be judged alone")
        elif b.passed:
            mark, msg = "[green]✓[/green]", ("正解" if lang == "ja" else "right")
        else:
            mark, msg = "[red]✗[/red]", failure_text(b.failure, lang)
        con.print(f"  {mark} {b.label} {msg}", highlight=False)


def stderr_is_tty():
    return sys.stderr.isatty()
