"""The report's words in Japanese and English, and the rules it states (grades, readiness)."""
from examprep.common.i18n import pick

GRADE_RULE = {
    "ja": "習熟度は部品ごとに、期間内の直近 5 回の取り組みから判定します (取り組み = 1 問のドリル・練習の全ラウンド、"
          "または check 1 回。正解 = 答えを見ずに正解。初回正解 = 最初のラウンドで正解)。"
          "S: 正解率 90% 以上かつ初回正解率 80% 以上で、復習期限が来ていない / A: 正解率 80% 以上かつ初回正解率 60% 以上 / "
          "B: 正解率 60% 以上 / C: 正解率 40% 以上 / D: それ未満 / —: 取り組みが 2 回未満 (データ不足)。"
          "分野は各部品の直近 5 回をまとめて同じ基準で判定します。期限の来た部品があれば S にはならず、"
          "問題の半分未満しか取り組んでいない分野は最高 B です。",
    "en": "Mastery grade of a component, from its last 5 runs in the period (a run = one drill or practice of a "
          "problem with all its rounds, or one check; solved = passed without revealing a blank; first try = the "
          "first round passed): S solved ≥ 90% and first try ≥ 80% and not due for review / A solved ≥ 80% and "
          "first try ≥ 60% / B solved ≥ 60% / C solved ≥ 40% / D below that / — fewer than 2 runs (not enough "
          "data). An area pools the last 5 runs of each of its components under the same rule; it is not S while "
          "any of them is due, and at most B while fewer than half of its problems have been tried.",
}

READINESS_RULE = {
    "ja": "準備度: 分野ごとに、各ドリルの直近 5 回 (答えを見ずに正解したか) と直近 {exams} 回の模試の解答 (正誤) を合わせた"
          "正解率と、その 95% 信頼区間 (Wilson) です。解答が {min} 件未満の分野は判定しません。"
          "区間全体が合格ライン {line} (仮定) を上回れば「合格圏」、下回れば「まだ届かない」、またがれば「合格ライン前後」(どちらとも言えない)。"
          "ドリルは本番と形式が違うため、模試の結果の方が本番に近い目安です。",
    "en": "Readiness: per area, the share of right answers among the last 5 runs of each drill (solved without "
          "revealing) and the area's answers in the last {exams} mock exams, with a 95% Wilson interval. No verdict "
          "below {min} answers. Ready when the whole interval is above the assumed {line} pass line, not ready when it "
          "is below, too close to call when it straddles it. Drills are not exam conditions: mock exams are the "
          "closer measure.",
}

TEXT = {
    "title": {"ja": "学習の成績表", "en": "Progress report"},
    "period_all": {"ja": "全期間", "en": "all time"},
    "period_since": {"ja": "{d} 以降", "en": "since {d}"},
    "generated": {"ja": "作成 {d}", "en": "generated {d}"},
    "no_history": {"ja": "まだ解答の記録がないため、成績はありません。最初のドリルから始めましょう。",
                   "en": "No attempts are recorded yet, so there is nothing to grade. Start with a first drill."},
    "no_drills": {"ja": "ドリルの記録はまだありません。模試 {n} 回の結果は下にあります。",
                  "en": "No drill attempts are recorded yet; the results of {n} mock exam(s) are below."},
    "no_runs_since": {"ja": "{d} 以降の解答記録はありません (それ以前に {n} 回)。成績は表示しません。",
                      "en": "No attempts since {d} ({n} before that), so there is nothing to grade."},
    "suggest": {"ja": "おすすめ: {cmd} — {title}", "en": "Suggested: {cmd} — {title}"},
    "readiness": {"ja": "合格の準備はできているか", "en": "Am I ready?"},
    "ready_area": {"ja": "分野", "en": "Area"},
    "ready_drills": {"ja": "ドリル", "en": "Drills"},
    "ready_exams": {"ja": "模試", "en": "Exams"},
    "ready_rate": {"ja": "正解率 (95% 区間)", "en": "Right (95%)"},
    "ready_verdict": {"ja": "判定", "en": "Verdict"},
    "v_not_enough": {"ja": "解答がまだ足りません (n={n})", "en": "not enough answers yet (n={n})"},
    "v_none": {"ja": "まだ解答がありません (n=0)", "en": "no answers yet (n=0)"},
    "v_ready": {"ja": "合格圏 (n={n})", "en": "ready (n={n})"},
    "v_uncertain": {"ja": "合格ライン前後 (n={n})", "en": "too close to call (n={n})"},
    "v_not_ready": {"ja": "まだ届かない (n={n})", "en": "not ready yet (n={n})"},
    "next_steps": {"ja": "次にやること", "en": "What to do next"},
    "untried": {"ja": "一度も解いていないシラバス項目: {k}/{n} 個", "en": "Syllabus items never tried: {k} of {n}"},
    "untried_none": {"ja": "すべてのシラバス項目に一度は取り組みました。", "en": "Every syllabus item has been tried at least once."},
    "untried_drills": {"ja": "ドリル {ids}", "en": "drill {ids}"},
    "untried_nodrill": {"ja": "ドリルはまだありません", "en": "no drill yet"},
    "untried_more": {"ja": "… ほか {n} 個 (--format md / html で全部)", "en": "… and {n} more (all in --format md / html)"},
    "summary": {"ja": "概要", "en": "Summary"},
    "attempts": {"ja": "取り組み", "en": "Attempts"},
    "rounds": {"ja": "ラウンド", "en": "Rounds"},
    "solve_rate": {"ja": "正解率", "en": "Solved"},
    "first_try_rate": {"ja": "初回正解率", "en": "First try"},
    "median_time": {"ja": "所要時間 (中央値)", "en": "Median time"},
    "median_short": {"ja": "時間中央値", "en": "Median"},
    "study_time": {"ja": "学習時間 (合計)", "en": "Study time"},
    "streak": {"ja": "連続学習", "en": "Streak"},
    "streak_value": {"ja": "{n} 日 (最長 {m} 日)", "en": "{n} day(s) (longest {m})"},
    "problems_tried": {"ja": "取り組んだ問題", "en": "Problems tried"},
    "active_days": {"ja": "学習した日", "en": "Days studied"},
    "mode_drill": {"ja": "ドリル", "en": "drill"},
    "mode_practice": {"ja": "練習", "en": "practice"},
    "mode_check": {"ja": "ファイル採点", "en": "check"},
    "mode_exam": {"ja": "模試", "en": "exam"},
    "untimed": {"ja": "ファイル採点 (check) は時間を計らないため含みません", "en": "checks of files are not timed"},
    "areas": {"ja": "分野別 (ドリル)", "en": "By syllabus area (drills)"},
    "components": {"ja": "部品別", "en": "By component"},
    "area": {"ja": "分野", "en": "Area"},
    "problem": {"ja": "問題", "en": "Problem"},
    "tried": {"ja": "着手", "en": "Tried"},
    "last_seen": {"ja": "最終", "en": "Last seen"},
    "grade": {"ja": "習熟度", "en": "Grade"},
    "next_review": {"ja": "次の復習", "en": "Next review"},
    "due_now": {"ja": "期限到来", "en": "due now"},
    "trend": {"ja": "推移 (週ごと)", "en": "Trend (per week)"},
    "week": {"ja": "週 (月曜)", "en": "Week of"},
    "weakest": {"ja": "弱点", "en": "Weakest components"},
    "yours": {"ja": "あなたの答え", "en": "you wrote"},
    "correct_line": {"ja": "正しい行", "en": "correct"},
    "revealed_only": {"ja": "(答えを表示したか、入力の記録なし)", "en": "(revealed, or no answer on record)"},
    "missed_count": {"ja": "{k}/{n} 回", "en": "{k} of {n} runs"},
    "no_missed": {"ja": "空欄の記録なし (ファイル全体の採点)", "en": "no blank records (whole-file checks)"},
    "due": {"ja": "復習予定", "en": "What is due"},
    "due_count": {"ja": "期限の来た問題: {n} 件", "en": "Due now: {n}"},
    "nothing_due": {"ja": "今は期限の来た問題はありません。", "en": "Nothing is due right now."},
    "upcoming": {"ja": "次の予定", "en": "Coming up"},
    "sessions": {"ja": "練習セッション", "en": "Practice sessions"},
    "exams": {"ja": "模試 (分野1〜分野5: 分野ごとの正答率の推移)", "en": "Mock exams (rate in areas 1–5 over time)"},
    "score": {"ja": "得点", "en": "Score"},
    "result": {"ja": "合否", "en": "Result"},
    "exam_rate": {"ja": "正答率", "en": "Rate"},
    "started": {"ja": "開始", "en": "Started"},
    "planned": {"ja": "予定 (分)", "en": "Planned (min)"},
    "rule": {"ja": "習熟度の基準", "en": "How grades are given"},
    "ready_rule": {"ja": "準備度の基準", "en": "How readiness is judged"},
    "chart_trend": {"ja": "週ごとの正解率と初回正解率 (灰色の棒: 取り組み数)",
                    "en": "Solved and first-try rate per week (grey bars: attempts)"},
    "chart_ready": {"ja": "分野ごとの正解率と 95% 区間 (縦線: 合格ライン {line}、仮定)",
                    "en": "Right answers per area with 95% intervals (line: assumed {line} pass line)"},
    "no_data": {"ja": "データなし", "en": "no data"},
    "of_problems": {"ja": "{k}/{n} 問", "en": "{k}/{n} problems"},
    "scope_note": {"ja": "連続学習日数と復習予定は全期間の記録から計算しています。",
                   "en": "The streak and what is due are computed from the whole history."},
    "wrote": {"ja": "{path} に書き出しました。", "en": "Wrote {path}."},
    "bad_since": {"ja": "--since には日付を YYYY-MM-DD で指定してください ('{v}' は日付ではありません)。",
                  "en": "--since expects a date as YYYY-MM-DD ('{v}' is not a date)."},
    "cannot_write": {"ja": "{path} に書き込めません: {err}", "en": "cannot write {path}: {err}"},
}


def readiness_rule(data, lang):
    r = data["readiness"]
    return pick(READINESS_RULE, lang).format(exams=r["exam_window"], min=r["min_answers"],
                                             line=f"{r['pass_line'] * 100:.0f}%")
