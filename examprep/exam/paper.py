"""The exam on paper (--print FILE.md) and as data (--export FILE.json).

--print: Markdown in the chosen language. Questions in order with their listing and
options (A–D), typed questions with a line to write on; then, each on a new page, the
answer key (letter and answer) and the explanations. Page breaks are written both as
HTML (`<div style="page-break-before: always">`, honoured by browsers and md-to-pdf
tools) and as a LaTeX `\\newpage` in a raw block (honoured by pandoc's PDF output).

--export: JSON, schema "examprep.exam/1":
    {"schema": "examprep.exam/1", "generated_at": ISO time, "seed": S, "areas": [...],
     "framework": "numpy" | "pytorch", "minutes": M, "pass_line": 0.6, "area_weights": {...}, "composition": {area: count},
     "questions": [examprep.question/1 objects]}
Each question carries its options, the key (index) and, for every wrong option, the
grader's verdict on it ("verdict": the failing check and its message for a code
option, the slip for a calc option); the key's verdict is null: it passes.
"""
import json
from datetime import datetime, timezone

from examprep.common import i18n
from examprep.common.timefmt import duration
from examprep.exam.model import SCHEMA as QUESTION_SCHEMA, in_lang
from examprep.problem.syllabus import AREAS

EXPORT_SCHEMA = "examprep.exam/1"
LETTERS = "ABCD"
PAGE_BREAK = '\n<div style="page-break-before: always"></div>\n\n```{=latex}\n\\newpage\n```\n'

TEXT = {
    "title": {"ja": "E資格 模擬試験", "en": "E資格 mock exam"},
    "meta": {"ja": "{n} 問 ・ 制限時間 {m} ・ シード {seed} ・ 合格ライン {line}% (仮定)",
             "en": "{n} questions · {m} · seed {seed} · pass line {line}% (assumed)"},
    "instructions": {"ja": "各問の選択肢から正しいものを 1 つ選んでください。記述式の問題は空欄に入るコードを書いてください。",
                     "en": "Choose one option for each question. For typed questions, write the code for the blank."},
    "question": {"ja": "問 {k}", "en": "Question {k}"},
    "area": {"ja": "分野 {area} {name}", "en": "Area {area} {name}"},
    "write_here": {"ja": "解答: ______________________________", "en": "Answer: ______________________________"},
    "key": {"ja": "解答", "en": "Answer key"},
    "explanations": {"ja": "解説", "en": "Explanations"},
    "typed": {"ja": "(記述式: 空欄に入るコードを書く)", "en": "(typed: write the code for the blank)"},
    "same_listing": {"ja": "上のコードと同じ", "en": "same listing as above"},
    "answer_column": {"ja": "解答", "en": "Answer"},
    "source": {"ja": "出典", "en": "Source"},
    "framework": {"ja": "フレームワーク {name}", "en": "framework {name}"},
}



def render_markdown(questions, lang, seed, minutes, pass_line, framework="numpy"):
    from examprep.exam.framework import FRAMEWORK_NAMES

    meta = i18n.text(TEXT, "meta", lang, n=len(questions), m=duration(minutes * 60, lang), seed=seed,
                     line=round(pass_line * 100))
    track = i18n.text(TEXT, "framework", lang, name=FRAMEWORK_NAMES[framework])
    out = [f"# {i18n.text(TEXT, 'title', lang)}", "", f"*{meta}{' ・ ' if lang == 'ja' else ' · '}{track}*", "",
           i18n.text(TEXT, "instructions", lang), ""]
    shown_listing = shown_code = None
    for k, q in enumerate(questions, 1):
        area = AREAS[q.area][lang]
        out += [f"## {i18n.text(TEXT, 'question', lang, k=k)}", "",
                f"*{i18n.text(TEXT, 'area', lang, area=q.area, name=area)} · {q.item}*", "",
                in_lang(q.stem[lang], lang), ""]
        if q.code and (q.set_id != shown_listing or q.code != shown_code):   # a framework set: one listing each
            out += ["```python", in_lang(q.code, lang).rstrip("\n"), "```", ""]
            shown_listing, shown_code = q.set_id, q.code
        elif q.code:
            out += [f"*({i18n.text(TEXT, 'same_listing', lang)}: {in_lang(q.label, lang)})*", ""]
        if q.kind == "code_free":
            out += [f"{in_lang(q.label, lang)} {i18n.text(TEXT, 'typed', lang)}", "",
                    i18n.text(TEXT, "write_here", lang), ""]
        for letter, option in zip(LETTERS, q.options):
            if q.kind.startswith("code") or (q.code and q.label):
                out.append(f"- **{letter}.** `{option.shown(lang).replace('`', chr(39))}`")
            else:
                out.append(f"- **{letter}.** {option.shown(lang)}")
        out.append("")
    out += [PAGE_BREAK, f"## {i18n.text(TEXT, 'key', lang)}", "",
            f"| # | {i18n.text(TEXT, 'answer_column', lang)} |", "|---|---|"]
    for k, q in enumerate(questions, 1):
        answer = q.answer_text(lang) or ""
        if q.kind.startswith("code") or (q.code and q.label):
            code = "<br>".join(f"`{line.strip()}`" for line in answer.replace("|", "¦").splitlines() if line.strip())
        else:
            code = answer.replace("|", "¦")
        out.append(f"| {k} | {LETTERS[q.key] + '. ' if q.key is not None else ''}{code} |")
    out += ["", PAGE_BREAK, f"## {i18n.text(TEXT, 'explanations', lang)}", ""]
    for k, q in enumerate(questions, 1):
        out += [f"**{k}.** {q.explanation[lang]}", ""]
        if q.source:
            out += [f"*{i18n.text(TEXT, 'source', lang)}: {q.source}*", ""]
    return "\n".join(out) + "\n"


def export_json(questions, seed, areas, minutes, pass_line, weights, framework="numpy"):
    from examprep.exam.compose import composition

    data = {"schema": EXPORT_SCHEMA, "question_schema": QUESTION_SCHEMA,
            "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "seed": seed,
            "areas": sorted(areas) if areas else sorted(AREAS), "framework": framework, "minutes": minutes,
            "pass_line": pass_line,
            "area_weights": weights, "composition": composition(questions),
            "questions": [q.to_json() for q in questions]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
