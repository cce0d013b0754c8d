"""`examprep mock-exam`: the arguments (no numpy imported here, so `--help` stays fast) and the entry point."""
import argparse

from examprep.common.args import minutes, whole_number

DESCRIPTION = """\
A timed mock exam in the format of the JDLA E資格, all multiple choice as the real one: knowledge and formula
questions (which statement is correct, which formula is right), calculations, and NumPy code with a blank whose
wrong options were each proven wrong by running them, many grouped 3-4 around one scenario (a model, a listing,
a data set), weighted across the five syllabus areas (100 questions, 120 minutes by default). --typed also asks
some code blanks as typed answers, graded by running them. As in the real exam there are no verdicts until the
end; flag questions and come back to them. Every answer is saved the moment it is given; the clock keeps running
if you close the program (--resume goes on with the same exam); when time is up the exam is submitted as it
stands. The result: the score with its 95% interval and, from 50 questions up, pass or fail against an assumed
pass line of 60%; per-area scores with their question counts, time per question, and a review of every missed
or flagged question. Exam answers feed the review schedule of `examprep practice`.
As the real exam lets candidates choose PyTorch or TensorFlow for its framework questions, --framework pytorch
makes a third of the code questions of areas 3 and 4 PyTorch listings with a blank (their keys were proven by
running PyTorch; PyTorch is not needed to sit the exam); the default is numpy. A sitting asks when not given.
E資格の形式による時間制の模擬試験です。本番と同じくすべて選択式で、知識問題・数式問題 (正しい記述や式を選ぶ)、
計算問題、NumPy コードの穴埋め (誤りの選択肢はすべて実行して誤りと確認済み) を、シラバスの 5 分野に配分して
出題します (既定は 100 問 120 分)。多くは 1 つの題材 (モデル、コード、データ) について 3〜4 問の大問です。
--typed でコードの穴埋めの一部を記述式 (実行して採点) にします。本番と同じく採点は最後です。フラグを付けて
後で見直せます。解答はその都度保存され、プログラムを閉じても時計は進みます (--resume で再開)。時間切れで
その時点の解答を提出します。結果は得点と 95% 区間、50 問以上なら合否 (合格ライン 60% と仮定)、分野別得点と
問題数、問題ごとの所要時間、間違えた問題とフラグを付けた問題の解説です。試験の解答は examprep practice の
復習スケジュールに反映されます。
本番ではフレームワーク問題に PyTorch か TensorFlow を選ぶため、--framework pytorch で分野 3・4 のコード問題の
3 分の 1 を PyTorch のコードの穴埋めにします (正解は PyTorch を実行して確認済み。受験に PyTorch は不要)。既定は
numpy です。指定しないと試験の開始時に尋ねます。
"""

EPILOG = """\
during the exam / 試験中の操作:
  1-4 (or a-d)  choose an option / 選択肢を選ぶ      w  type the answer of a typed question (--typed) / 記述式の解答を入力
  f  flag or unflag / フラグ      n / p  next / previous / 次へ・前へ      g N  go to question N / N 問目へ
  l  list all questions / 一覧      s  submit / 提出      q  pause (the clock keeps running) / 中断 (時計は進む)

examples / 使い方の例:
  examprep mock-exam                          100 questions, 120 minutes / 本番と同じ 100 問 120 分
  examprep mock-exam --questions 20 --minutes 25    a short daily set / 毎日の短い演習
  examprep mock-exam --area 3 --questions 15  deep-learning foundations only / 分野 3 のみ
  examprep mock-exam --framework pytorch      the PyTorch track / PyTorch の問題を含める
  examprep mock-exam --resume                 go on with the open exam / 中断した試験を再開
  examprep mock-exam --print exam.md --seed 7 an exam for paper, key on separate pages / 紙用に出力
  examprep mock-exam --export exam.json       questions, options, key and verdicts as JSON / JSON で出力
"""


def add_arguments(p):
    p.formatter_class = argparse.RawDescriptionHelpFormatter
    p.description = DESCRIPTION
    p.epilog = EPILOG
    p.add_argument("--questions", type=whole_number(1, 300, ("問", "questions")), default=None, metavar="N",
                   help="number of questions (default 100) / 問題数 (既定 100)")
    p.add_argument("--minutes", type=minutes(600), default=None, metavar="M",
                   help="time allowed (default: 120 for 100 questions, in proportion otherwise) / 制限時間 (分)")
    p.add_argument("--seed", type=int, default=None, help="which questions (same seed, same exam) / 問題の選び方")
    p.add_argument("--area", action="append", metavar="AREA",
                   help="only this syllabus area (1-5 or its name); repeat for several / 分野を指定 (複数可)")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--resume", action="store_true", help="go on with the open exam / 中断した試験を再開")
    group.add_argument("--submit", action="store_true",
                       help="submit the open exam as it stands and show its result / 中断した試験をそのまま提出")
    group.add_argument("--print", dest="print_file", metavar="FILE.md",
                       help="write the exam for paper (answer key on separate pages), do not sit it / 紙用に書き出す")
    group.add_argument("--export", dest="export_file", metavar="FILE.json",
                       help="write questions, options, key and each option's verdict as JSON (schema "
                            "examprep.exam/1), do not sit it / JSON で書き出す")
    p.add_argument("--typed", action="store_true",
                   help="also ask some code blanks as typed answers (the real exam is all multiple choice) / "
                        "一部のコード穴埋めを記述式で出題する (本番はすべて選択式)")
    p.add_argument("--framework", choices=("numpy", "pytorch"), default=None,
                   help="framework track: numpy (default; every code question in NumPy) or pytorch (a third of the "
                        "code questions of areas 3 and 4 are PyTorch listings); a sitting asks when not given / "
                        "フレームワーク: numpy (既定) または pytorch (分野 3・4 のコード問題の 3 分の 1 を PyTorch に)。"
                        "指定しないと開始時に尋ねる")
    p.add_argument("--force", action="store_true", help="with --print/--export: overwrite FILE / 上書きする")


def main(args):
    from examprep.exam import interactive

    return interactive.main(args)
