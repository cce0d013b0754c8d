"""The report on the terminal (rich). The first screen answers "am I ready?": readiness per area, what to do next,
the syllabus items never tried and what is due; the details follow."""
from examprep.common import i18n
from examprep.common.i18n import pick
from examprep.common.table import print_table
from examprep.common.timefmt import parse_time, relative
from examprep.learn.report import tables as tb
from examprep.learn.report.stats import NO_GRADE
from examprep.learn.report.words import GRADE_RULE, TEXT, readiness_rule

UNTRIED_SHOWN = 4
NEXT_SHOWN = 3         # the first screen (80x24) holds readiness, three next steps and the start of the untried list
GRADE_STYLE = {"S": "bold green", "A": "green", "B": "yellow", "C": "red", "D": "bold red", NO_GRADE: "dim"}
VERDICT_STYLE = {"ready": "bold green", "uncertain": "yellow", "not_ready": "bold red", "not_enough": "dim"}


def _esc(text):
    from rich.markup import escape

    return escape(str(text))


def _grade_markup(g):
    return f"[{GRADE_STYLE.get(g, '')}]{g}[/]"


def render_text(con, data, lang):
    now = parse_time(data["generated_at"])
    con.rule(f"[bold]{i18n.text(TEXT, 'title', lang)}[/bold] [dim]· {tb.period_text(data, lang)}[/dim]")
    if data["message"]:
        con.print(f"[yellow]{_esc(pick(data['message'], lang))}[/yellow]")
        con.print()
    if data["has_data"] or data["exams"]:
        readiness(con, data, lang)
    next_steps(con, data, lang)
    untried(con, data, lang)
    due(con, data, lang, now)
    if data["has_data"]:
        details(con, data, lang, now)
    if data["exams"]:
        exam_table(con, data, lang)
    if data["since"]:
        con.print(f"[dim]{i18n.text(TEXT, 'scope_note', lang)}[/dim]")
    if data["has_data"] or data["exams"]:
        con.print(f"[dim]{i18n.text(TEXT, 'ready_rule', lang)}: {readiness_rule(data, lang)}[/dim]")
    if data["has_data"]:
        con.print(f"[dim]{i18n.text(TEXT, 'rule', lang)}: {GRADE_RULE[lang]}[/dim]")


def readiness(con, data, lang):
    areas = data["readiness"]["areas"]
    header = tb.readiness_header(lang)
    rows = []
    for a, row in zip(areas, tb.readiness_rows(data, lang)):
        rows.append([_esc(c) for c in row[:-1]] + [f"[{VERDICT_STYLE[a['verdict']]}]{_esc(row[-1])}[/]"])
    keep = list(range(len(header)))
    if all(a["verdict"] == "not_enough" for a in areas):
        keep.remove(3)        # no rate is shown without a verdict: the column would repeat drills and exams
    print_table(con, i18n.text(TEXT, "readiness", lang), [header[i] for i in keep],
                [[r[i] for i in keep] for r in rows], right=tuple(j for j, i in enumerate(keep) if i in (1, 2, 3)),
                flex=(0,))


def next_steps(con, data, lang):
    from rich.table import Table

    if not data["next"]:
        return
    con.print(f"[bold]{i18n.text(TEXT, 'next_steps', lang)}[/bold]")
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column()
    for i, step in enumerate(data["next"][:NEXT_SHOWN], 1):
        grid.add_row(f"{i}.", f"[bold cyan]{_esc(step['command'])}[/bold cyan]\n[dim]{_esc(tb.step_text(step, lang))}[/dim]")
    con.print(grid)
    con.print()


def untried(con, data, lang):
    u = data["untried"]
    if not u["count"]:
        con.print(f"[green]{i18n.text(TEXT, 'untried_none', lang)}[/green]")
        con.print()
        return
    con.print(f"[bold]{i18n.text(TEXT, 'untried', lang, k=u['count'], n=u['total'])}[/bold]")
    from rich.padding import Padding

    for item in u["items"][:UNTRIED_SHOWN]:
        con.print(Padding(_esc(tb.untried_text(item, lang)), (0, 0, 0, 2)))
    if u["count"] > UNTRIED_SHOWN:
        con.print(f"  [dim]{i18n.text(TEXT, 'untried_more', lang, n=u['count'] - UNTRIED_SHOWN)}[/dim]")
    con.print()


def due(con, data, lang, now):
    con.print(f"[bold]{i18n.text(TEXT, 'due', lang)}[/bold]")
    if data["due"]["count"]:
        con.print(i18n.text(TEXT, "due_count", lang, n=data["due"]["count"]))
        from rich.padding import Padding

        for row in tb.due_rows(data, lang, now):
            con.print(Padding(f"[bold cyan]{row[0]}[/bold cyan] {_esc(row[1])}  [dim]{row[2]} · {row[3]}[/dim]",
                              (0, 0, 0, 2)))
    else:
        con.print(f"[green]{i18n.text(TEXT, 'nothing_due', lang)}[/green]")
        for d in data["due"]["upcoming"][:3]:
            con.print(f"  [dim]{i18n.text(TEXT, 'upcoming', lang)}: {d['problem']} "
                      f"{relative(parse_time(d['due']), now, lang)}[/dim]")
    con.print()


def details(con, data, lang, now):
    from rich.panel import Panel
    from rich.table import Table

    def table(title, header, rows, right=(), optional=(), flex=()):
        print_table(con, title, header, rows, right=right, optional=optional, flex=flex)

    summary = Table.grid(padding=(0, 2))
    summary.add_column(style="dim")
    summary.add_column()
    for k, v in tb.summary_rows(data, lang):
        summary.add_row(k, v)
    con.print(Panel(summary, title=i18n.text(TEXT, "summary", lang), title_align="left", expand=False))
    con.print()
    table(i18n.text(TEXT, "areas", lang), tb.area_header(lang),
          [r[:-1] + [_grade_markup(r[-1])] for r in tb.area_rows(data, lang)], right=(1, 2, 3, 4, 5),
          optional=(6, 5), flex=(0,))
    table(i18n.text(TEXT, "components", lang), tb.component_header(lang),
          [r[:8] + [_grade_markup(r[8])] + r[9:] for r in tb.component_rows(data, lang, now)], right=(2, 3, 4, 5, 6),
          optional=(1, 3, 7), flex=(1,))      # on a narrow terminal: without the titles, rounds and last seen
    if data["trend"]:
        rows = []
        for w, row in zip(data["trend"], tb.trend_rows(data, lang)):
            bar = "█" * round((w["solve_rate"] or 0) * 20)
            rows.append(row + [f"[green]{bar}[/green]"])
        table(i18n.text(TEXT, "trend", lang), tb.trend_header(lang) + [""], rows, right=(1, 2, 3))
    if data["weakest"]:
        weakest(con, data, lang)
    rows = tb.session_rows(data, lang, "practice")
    if rows:
        table(i18n.text(TEXT, "sessions", lang), tb.session_header(lang), rows, right=(1, 2, 3))


def weakest(con, data, lang):
    con.print(f"[bold]{i18n.text(TEXT, 'weakest', lang)}[/bold]")
    for w in data["weakest"]:
        con.print(f"  [bold cyan]{w['problem']}[/bold cyan] {_esc(w['title'][lang])}  {_grade_markup(w['grade'])}  "
                  f"{i18n.text(TEXT, 'solve_rate', lang)} {tb.pct(w['solve_rate'])} · "
                  f"{i18n.text(TEXT, 'first_try_rate', lang)} {tb.pct(w['first_try_rate'])}")
        for b in w["missed_blanks"]:
            count = i18n.text(TEXT, "missed_count", lang, k=b["missed"], n=b["seen"])
            if b.get("yours"):
                con.print(f"      [red]✗ {i18n.text(TEXT, 'yours', lang)}:[/red] "
                          f"[yellow]{_esc(b['yours'])}[/yellow]  [dim]{count}[/dim]", highlight=False)
            else:
                con.print(f"      [red]✗[/red] [dim]{i18n.text(TEXT, 'revealed_only', lang)}  {count}[/dim]",
                          highlight=False)
            con.print(f"        [green]{i18n.text(TEXT, 'correct_line', lang)}:[/green] {_esc(b['reference'])}",
                      highlight=False)
        if not w["missed_blanks"]:
            con.print(f"      [dim]{i18n.text(TEXT, 'no_missed', lang)}[/dim]")
    con.print()


def exam_table(con, data, lang):
    header = tb.exam_header(lang)
    print_table(con, i18n.text(TEXT, "exams", lang), header, tb.exam_rows(data, lang),
                right=tuple(i for i in range(len(header)) if i not in (0, 3)))
