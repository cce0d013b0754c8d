"""The result of a sitting on the terminal: score and pass/fail, per-area scores, time, and the review of misses."""
from rich.markdown import Markdown
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table

from examprep.common import i18n, labels
from examprep.exam.model import in_lang
from examprep.problem.syllabus import AREAS
from examprep.common.timefmt import clock
from examprep.grade.failure import Failure
from examprep.exam.scoring import MIN_FOR_VERDICT, wilson_interval

TEXT = {
    "title": {"ja": "模擬試験の結果", "en": "Mock exam result"},
    "score": {"ja": "得点 {c} / {n} ({pct:.1f}%)", "en": "Score {c} / {n} ({pct:.1f}%)"},
    "passed": {"ja": "合格", "en": "PASS"},
    "failed": {"ja": "不合格", "en": "FAIL"},
    "interval": {"ja": "正答率の 95% 区間: {lo:.0f}〜{hi:.0f}% ({n} 問から)", "en": "95% interval of the rate: {lo:.0f}–{hi:.0f}% (from {n} questions)"},
    "no_verdict": {"ja": "合否判定なし: 採点した問題が {n} 問で、{min} 問未満では得点のばらつきが大きすぎます。",
                   "en": "No pass/fail: {n} graded questions; below {min} the score varies too much to say."},
    "line": {"ja": "合格ライン {line}% (JDLA は公表していないため、よく言われる約 60% を仮定)",
             "en": "pass line {line}% (assumed: the JDLA does not publish one; about 60% is the common estimate)"},
    "timeout": {"ja": "⏰ 時間切れのため、その時点の解答で提出しました。", "en": "⏰ Time ran out: the exam was submitted as it stood."},
    "excluded": {"ja": "{n} 問は参照実装の変更により採点できず、得点から除外しました。",
                 "en": "{n} question(s) could not be graded (the reference changed) and are left out of the score."},
    "area": {"ja": "分野", "en": "Area"},
    "correct": {"ja": "正答", "en": "Correct"},
    "rate": {"ja": "正答率", "en": "Rate"},
    "avg_time": {"ja": "平均時間", "en": "Avg time"},
    "time": {"ja": "所要時間 {used} / {allowed} ・ 解答 {answered} / {n} 問 ・ 1 問平均 {avg} (目安 {pace})",
             "en": "Time used {used} of {allowed} · answered {answered} of {n} · {avg} per question (pace {pace})"},
    "slowest": {"ja": "時間がかかった問題: {items}", "en": "Slowest questions: {items}"},
    "review": {"ja": "間違えた問題とフラグを付けた問題の復習 ({n} 問)", "en": "Review of the missed and flagged questions ({n})"},
    "flagged_right": {"ja": "フラグ付き・正解", "en": "flagged, right"},
    "source": {"ja": "出典", "en": "Source"},
    "no_review": {"ja": "全問正解です。", "en": "Every question is right."},
    "question": {"ja": "問 {k}", "en": "Question {k}"},
    "yours": {"ja": "あなたの解答", "en": "Your answer"},
    "unanswered": {"ja": "(未解答)", "en": "(not answered)"},
    "right": {"ja": "正解", "en": "Correct answer"},
    "why": {"ja": "診断", "en": "Diagnosis"},
    "explain": {"ja": "解説", "en": "Explanation"},
    "credited": {"ja": "組み合わせ全体で正解とした問題: {items}", "en": "Credited as a whole listing: {items}"},
    "more": {"ja": "履歴と分野別の推移: examprep report ・ 苦手な部品のドリル: examprep drill ID",
             "en": "History and per-area trend: examprep report · drill a weak component: examprep drill ID"},
}



def _diagnosis(stored, lang):
    """A stored diagnosis ({check, ja, en, what ...}: an option's verdict, a slip, a typed answer's failure) in lang,
    the grader's English record label (`forward output (step 1)`) translated as drills translate it."""
    if not stored:
        return ""
    fields = {k: stored.get(k) for k in Failure.FIELDS if k in stored}
    return labels.localized(Failure(**{"check": None, "ja": "", "en": "", **fields}), lang)


def context(question, around=2):
    """The lines of a code question's listing around its blank (a whole-line blank alone says nothing)."""
    lines = question.code.splitlines()
    at = next((i for i, line in enumerate(lines) if question.blank["marker"] in line), None)
    if at is None:
        return [question.blank["template"]]
    return [line for line in lines[max(0, at - around):at + around + 1] if line.strip()]


def render(con, sitting, result, lang):
    con.rule(f"[bold]{i18n.text(TEXT, 'title', lang)}[/bold]")
    pct = result["rate"] * 100
    judged = result.get("judged", result["graded"] >= MIN_FOR_VERDICT)
    if judged:
        verdict = f"[bold green]{i18n.text(TEXT, 'passed', lang)}[/bold green]" if result["passed"] else \
            f"[bold red]{i18n.text(TEXT, 'failed', lang)}[/bold red]"
    else:
        verdict = ""
    score = i18n.text(TEXT, "score", lang, c=result["correct"], n=result["graded"], pct=pct)
    con.print(f"[bold]{score}[/bold]  {verdict}")
    interval = result.get("interval") or wilson_interval(result["correct"], result["graded"])
    if interval:
        con.print(i18n.text(TEXT, "interval", lang, lo=interval[0] * 100, hi=interval[1] * 100, n=result["graded"]))
    if judged:
        con.print(f"[dim]{i18n.text(TEXT, 'line', lang, line=round(result['pass_line'] * 100))}[/dim]")
    else:
        con.print(f"[yellow]{i18n.text(TEXT, 'no_verdict', lang, n=result['graded'], min=MIN_FOR_VERDICT)}[/yellow]")
    if result["reason"] == "timeout":
        con.print(i18n.text(TEXT, "timeout", lang))
    excluded = result["questions"] - result["graded"]
    if excluded:
        con.print(f"[yellow]{i18n.text(TEXT, 'excluded', lang, n=excluded)}[/yellow]")

    table = Table(show_edge=False, pad_edge=False)
    for key in ("area", "correct", "rate", "avg_time"):
        table.add_column(i18n.text(TEXT, key, lang), justify="left" if key == "area" else "right")
    for area, a in result["per_area"].items():
        rate = "—" if a["rate"] is None else f"{a['rate'] * 100:.0f}% (n={a['total']})"
        table.add_row(f"{area}. {AREAS[area][lang]}", f"{a['correct']}/{a['total']}", rate,
                      clock(a["seconds"] / a["total"], up=False) if a["total"] else "—")
    con.print(table)
    n = result["questions"]
    con.print(i18n.text(TEXT, "time", lang, used=clock(result["seconds_used"], up=False),
                        allowed=clock(result["minutes"] * 60, up=False),
                        answered=result["answered"], n=n, avg=clock(result["seconds_used"] / n if n else 0, up=False),
                        pace=clock(result["minutes"] * 60 / n if n else 0, up=False)))
    slow = [r for r in sorted(result["items"], key=lambda r: -r["seconds"])[:5] if r["seconds"] >= 1]
    if slow:
        items = ", ".join(f"#{r['number']} {clock(r['seconds'], up=False)}" for r in slow)
        con.print(i18n.text(TEXT, "slowest", lang, items=items))
    credited = [r for r in result["items"] if r.get("note")]
    if credited:
        numbers = ", ".join(f"#{r['number']}" for r in credited)
        con.print(f"[green]{i18n.text(TEXT, 'credited', lang, items=numbers)}[/green]")
        con.print(f"[dim]{escape(credited[0]['note'][lang])}[/dim]")

    missed = [r for r in result["items"] if (r["gradable"] and not r["correct"]) or r["flagged"]]
    con.print()
    if not missed:
        con.print(f"[green]{i18n.text(TEXT, 'no_review', lang)}[/green]")
    else:
        con.rule(i18n.text(TEXT, "review", lang, n=len(missed)))
    by_id = {q.id: q for q in sitting.questions}
    for r in missed:
        q = by_id[r["question_id"]]
        flag = " ⚑" if r["flagged"] else ""
        right = f" [green]({i18n.text(TEXT, 'flagged_right', lang)})[/green]" if r["correct"] else ""
        con.print(f"\n[bold]{i18n.text(TEXT, 'question', lang, k=r['number'])}[/bold] [dim]{q.area}. {AREAS[q.area][lang]} · "
                  f"{q.item}{flag}[/dim]{right}")
        con.print(escape(in_lang(q.stem[lang], lang)))
        if q.blank:
            for line in context(q):
                con.print(f"  [cyan]{escape(in_lang(line, lang))}[/cyan]", highlight=False)
        if r["answer"] is None:
            yours = f"[dim]{i18n.text(TEXT, 'unanswered', lang)}[/dim]"
        elif r.get("choice") is not None and q.options:
            yours = escape(q.options[r["choice"]].shown(lang))
        else:
            yours = escape(r["answer"])
        con.print(f"  {i18n.text(TEXT, 'yours', lang)}: [{'green' if r['correct'] else 'red'}]{yours}[/]")
        con.print(f"  {i18n.text(TEXT, 'right', lang)}: [green]{escape(q.answer_text(lang) or '')}[/green]")
        diagnosis = _diagnosis(r["diagnosis"], lang)
        if diagnosis and not r["correct"]:
            con.print(f"  {i18n.text(TEXT, 'why', lang)}: {escape(diagnosis)}")
        con.print(f"  [dim]{i18n.text(TEXT, 'explain', lang)}:[/dim]")
        con.print(Padding(Markdown(q.explanation[lang]), (0, 0, 0, 4)))
        if q.source:
            con.print(f"  [dim]{i18n.text(TEXT, 'source', lang)}: {escape(q.source)}[/dim]")
    con.print()
    con.print(f"[dim]{i18n.text(TEXT, 'more', lang)}[/dim]")
