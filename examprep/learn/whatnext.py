"""`examprep next`: what is due and what is new, as tables that fit the terminal or as JSON (schema
examprep.next/1). The plan itself comes from examprep.learn.schedule."""
import json
import sys

from examprep.common import i18n
from examprep.common.table import print_table
from examprep.common.timefmt import iso, relative
from examprep.learn.schedule import RATING_NAMES, card_json, load_attempts, new_json, plan

SCHEMA = "examprep.next/1"

TEXT = {
    "title": {"ja": "次にやる問題", "en": "What to practise next"},
    "no_history": {"ja": "まだ解答の記録がありません。前提となる問題から順に始めましょう:",
                   "en": "No attempts recorded yet. Start with these, prerequisites first:"},
    "due": {"ja": "復習の期限が来た問題 ({n} 件)", "en": "Due for review ({n})"},
    "new": {"ja": "未着手の問題 ({n} 件)", "en": "New problems ({n})"},
    "later": {"ja": "期限前の問題", "en": "Not due yet"},
    "nothing_due": {"ja": "今は復習の期限が来た問題はありません。", "en": "Nothing is due for review right now."},
    "all_tried": {"ja": "すべての問題に一度は取り組みました。", "en": "You have tried every problem at least once."},
    "more": {"ja": "… ほか {n} 件 (--limit で表示数を変更)", "en": "… and {n} more (--limit shows more)"},
    "start": {"ja": "始めるには: {cmd}", "en": "To start: {cmd}"},
    "howto": {"ja": "examprep drill ID で 1 問、examprep practice で期限の来た問題から連続で練習します。",
              "en": "examprep drill ID drills one; examprep practice serves what is due, one after another."},
    "col_id": {"ja": "ID", "en": "ID"},
    "col_problem": {"ja": "問題", "en": "Problem"},
    "col_item": {"ja": "項目", "en": "Item"},
    "col_due": {"ja": "期限", "en": "Due"},
    "col_last": {"ja": "前回", "en": "Last result"},
    "col_lapses": {"ja": "失敗", "en": "Lapses"},
    "col_recall": {"ja": "想起率", "en": "Recall"},
    "col_requires": {"ja": "前提", "en": "Requires"},
    "rating_again": {"ja": "✗ 不正解", "en": "✗ again"},
    "rating_hard": {"ja": "△ 難しい", "en": "△ hard"},
    "rating_good": {"ja": "○ 正解", "en": "○ good"},
    "rating_easy": {"ja": "◎ 余裕", "en": "◎ easy"},
}


def to_json(p, limit):
    todo = limit
    due = p.due[:todo]
    new = p.new[:max(0, todo - len(due))]
    return {"schema": SCHEMA, "generated_at": iso(p.now), "has_history": p.has_history, "limit": limit,
            "counts": {"due": len(p.due), "new": len(p.new), "later": len(p.later)},
            "due": [card_json(prob, info, p.now) for prob, info in due],
            "new": [new_json(prob) for prob in new],
            "later": [card_json(prob, info, p.now) for prob, info in p.later[:limit]]}


def main(args):
    from examprep.problem import catalog

    lang = args.lang
    limit = getattr(args, "limit", 10) or 10
    p = plan(load_attempts(), catalog.load_all(), area=getattr(args, "area", None))
    if getattr(args, "json", False):
        sys.stdout.write(json.dumps(to_json(p, limit), ensure_ascii=False, indent=2) + "\n")
        return 0
    from examprep.common import render

    show(render.console(), p, lang, limit)
    return 0


def show(con, p, lang, limit):
    con.rule(f"[bold]{i18n.text(TEXT, 'title', lang)}[/bold]")
    if not p.has_history:
        con.print(i18n.text(TEXT, "no_history", lang))
        con.print()
        _new_table(con, p.new[:limit], lang, len(p.new))
        if p.new:
            con.print(i18n.text(TEXT, "start", lang, cmd=f"[bold cyan]examprep drill {p.new[0].id}[/bold cyan]"))
        return
    shown = 0
    if p.due:
        header = [i18n.text(TEXT, k, lang) for k in ("col_id", "col_problem", "col_item", "col_due", "col_last",
                                                     "col_lapses", "col_recall")]
        rows = [[prob.id, prob.title[lang], prob.item, relative(info.due, p.now, lang),
                 i18n.text(TEXT, "rating_" + RATING_NAMES[info.last_rating], lang), str(info.lapses),
                 f"{info.retrievability:.0%}"] for prob, info in p.due[:limit]]
        print_table(con, i18n.text(TEXT, "due", lang, n=len(p.due)), header, rows, right=(5, 6), optional=(2, 6, 5),
                    flex=(1,))
        if len(p.due) > limit:
            con.print(f"[dim]{i18n.text(TEXT, 'more', lang, n=len(p.due) - limit)}[/dim]")
            con.print()
        shown = min(limit, len(p.due))
    else:
        con.print(f"[green]{i18n.text(TEXT, 'nothing_due', lang)}[/green]")
        con.print()
    if p.new and shown < limit:
        _new_table(con, p.new[:limit - shown], lang, len(p.new))
    elif not p.new:
        con.print(f"[dim]{i18n.text(TEXT, 'all_tried', lang)}[/dim]")
        con.print()
    if p.later:
        header = [i18n.text(TEXT, k, lang) for k in ("col_id", "col_problem", "col_due", "col_last")]
        rows = [[prob.id, prob.title[lang], relative(info.due, p.now, lang),
                 i18n.text(TEXT, "rating_" + RATING_NAMES[info.last_rating], lang)] for prob, info in p.later[:limit]]
        print_table(con, i18n.text(TEXT, "later", lang), header, rows, flex=(1,), style="dim")
    con.print(f"[dim]{i18n.text(TEXT, 'howto', lang)}[/dim]")


def _new_table(con, problems, lang, total):
    if not problems:
        return
    header = [i18n.text(TEXT, k, lang) for k in ("col_id", "col_problem", "col_item", "col_requires")]
    rows = [[prob.id, prob.title[lang], prob.item, ", ".join(prob.requires)] for prob in problems]
    print_table(con, i18n.text(TEXT, "new", lang, n=total), header, rows, optional=(2,), flex=(1, 3))
    if total > len(problems):
        con.print(f"[dim]{i18n.text(TEXT, 'more', lang, n=total - len(problems))}[/dim]")
        con.print()

