"""The argparse definitions of every `examprep` command (light: nothing heavy is imported to build them, so
`examprep --help` and shell completion start fast). examprep.cli dispatches the parsed command."""
import argparse
import sys

from examprep import __version__
from examprep.common.args import minutes, positive_int

EPILOG = """\
examples / 使い方の例:
  examprep list                      問題の一覧 / list the drills
  examprep drill softmax             対話式ドリル / interactive drill in the terminal
  examprep drill conv2d --level hard 空欄を増やす / more blanks
  examprep drill adam --export adam.py   エディタ用に書き出す / write the hole file for your editor
  examprep check adam.py             書き出したファイルを採点 / grade the filled file
  examprep watch adam.py             保存するたびに採点 / grade it each time you save it
  examprep show conv2d               模範解答と解説 / the reference solution and explanation
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        self.print_usage(sys.stderr)
        sys.stderr.write(f"examprep: error / エラー: {message}\n")
        sys.exit(2)


def build_parser():
    from examprep.common.i18n import default_lang

    parser = _Parser(
        prog="examprep",
        description="Practise implementing deep learning in NumPy for the JDLA E資格: fill in the blanks of the "
                    "reference code and get graded by running it.\n"
                    "E資格対策: 参照実装の空欄を埋め、実際に動かして採点する NumPy 実装練習ツール。",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"examprep {__version__}")
    parser.add_argument("--lang", choices=["ja", "en"], default=default_lang(),
                        help="language of messages (default: from the locale) / 表示言語 (既定はロケール)")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=["ja", "en"], default=argparse.SUPPRESS,
                        help="language of messages / 表示言語")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    _add = sub.add_parser

    def add_parser(name, **kw):
        return _add(name, parents=[common], **kw)
    sub.add_parser = add_parser

    p = sub.add_parser("list", help="list the drills by syllabus area / 問題の一覧",
                       description="List the drills by syllabus area. / シラバス分野ごとの問題一覧。")
    p.add_argument("--area", help="only this area: 1-5, a section name (深層学習の基礎) or an item id (3-4-1) "
                                  "/ 分野で絞り込み")
    p.add_argument("--json", action="store_true", help="machine-readable output / JSON で出力")

    p = sub.add_parser("drill", help="an interactive drill, or --export a hole file / 対話式ドリル",
                       description="Show the reference code with load-bearing lines blanked, read your lines, and "
                                   "grade them by running them. Type ? for a hint, ! to reveal a blank, q to stop.\n"
                                   "参照実装の重要な行を空欄にして表示し、入力したコードを実行して採点します。"
                                   "? でヒント、! で答えを表示、q で終了。",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("problem", metavar="ID", help="problem id, e.g. conv2d (see `examprep list`)")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--blanks", type=positive_int, metavar="N", help="number of blanks / 空欄の数")
    group.add_argument("--level", choices=["easy", "normal", "hard", "full"], default=None,
                       help="easy=2, normal=3 (default), hard=5 blanks; full = write whole method bodies "
                            "/ 難易度 (full はメソッド全体)")
    p.add_argument("--seed", type=int, default=None, help="which blanks (same seed, same blanks) / 空欄の選び方")
    p.add_argument("--export", metavar="FILE", help="write the hole file for your editor instead of drilling "
                                                     "/ エディタ用に空欄ファイルを書き出す")
    p.add_argument("--force", action="store_true", help="with --export: overwrite FILE / 上書きする")

    p = sub.add_parser("check", help="grade a file / ファイルを採点",
                       description="Grade a filled hole file, or any file defining the problem's targets "
                                   "(then pass --problem). Exit code 0 passed, 1 failed, 2 bad input.\n"
                                   "空欄を埋めたファイル、または対象を定義した任意のファイルを採点します。",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--problem", metavar="ID", help="the problem, when FILE has no '# examprep: ID' header")
    p.add_argument("--json", action="store_true", help="the verdict as JSON (schema examprep.grade.verdict/1)")

    p = sub.add_parser("watch", help="grade a file each time you save it / 保存するたびに採点",
                       description="Grade FILE now and again each time it is saved (any editor, atomic saves "
                                   "included), the verdict redrawn in place. Every grading is recorded as a check. "
                                   "Ctrl-C to stop.\n"
                                   "FILE を保存するたびに採点し、結果をその場で表示し直します。採点は check として記録されます。"
                                   "終了は Ctrl-C。",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--problem", metavar="ID", help="the problem, when FILE has no '# examprep: ID' header")

    p = sub.add_parser("show", help="the reference solution and its explanation / 模範解答と解説",
                       description="Show the reference solution of a problem with its explanation.")
    p.add_argument("problem", metavar="ID")

    p = sub.add_parser("practice", help="a timed session of drills / 時間を計って連続練習",
                       description="A timed practice session: drills one after another with a visible countdown, "
                                   "verdicts at once, and a summary at the end. With no selection it serves what is "
                                   "due for review (see `examprep next`).\n"
                                   "時間を計ってドリルを連続で解きます。指定がなければ復習の期限が来た問題から出題します。",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("problems", nargs="*", metavar="ID", help="problems to practise (default: what is due)")
    p.add_argument("--minutes", type=minutes(24 * 60), default=25.0, help="length of the session (default 25; "
                                                                          "fractions allowed) / 制限時間 (分)")
    p.add_argument("--area", help="only this area: 1-5, a section name or an item id / 分野で絞り込み")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--blanks", type=positive_int, metavar="N", help="number of blanks / 空欄の数")
    group.add_argument("--level", choices=["easy", "normal", "hard", "full"], default=None,
                       help="difficulty (default normal) / 難易度")

    p = sub.add_parser("next", help="what to practise next / 次にやる問題",
                       description="What is due for review and what is new, weakest and due first, prerequisites "
                                   "before what builds on them (FSRS spaced repetition).\n"
                                   "復習期限の来た問題と未着手の問題を、弱い順・前提となる問題から順に表示します。")
    p.add_argument("--json", action="store_true", help="machine-readable output / JSON で出力")
    p.add_argument("--limit", type=positive_int, default=10, help="how many to show (default 10)")

    p = sub.add_parser("report", help="the graded progress report / 学習の成績表",
                       description="Per syllabus area and per component: attempts, solve rate, first-try rate, "
                                   "median time, mastery grade, trend, weakest components, streak and what is due.\n"
                                   "分野・部品ごとの正答率、初回正答率、所要時間、習熟度、推移、弱点、連続学習日数、復習予定。")
    p.add_argument("--format", choices=["text", "md", "html", "json"], default="text")
    p.add_argument("--since", metavar="DATE", help="only attempts from this date (YYYY-MM-DD) / この日以降")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of the terminal / ファイルに出力")

    p = sub.add_parser("mock-exam", help="a timed mock exam in the real exam's format / 本番形式の模擬試験",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    from examprep.exam import command as exam_command

    exam_command.add_arguments(p)

    p = sub.add_parser("capstone", help="train a CNN built from your own components / 自作部品で CNN を学習")
    from examprep.capstone import command as capstone_command

    capstone_command.add_arguments(p)

    p = sub.add_parser("export", help="write your history to a JSON file / 履歴を書き出す",
                       description="Write every recorded attempt to a JSON file (schema examprep.learn.history/1), to move "
                                   "a history to another machine.")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--force", action="store_true", help="overwrite FILE")

    p = sub.add_parser("import", help="add a history exported elsewhere / 履歴を取り込む",
                       description="Add the attempts of an export to this machine's history. Attempts already here "
                                   "are skipped, so importing twice changes nothing.")
    p.add_argument("file", metavar="FILE")

    p = sub.add_parser("completion", help="shell completion of commands and problem ids / シェル補完",
                       description="Print a completion script for bash or zsh. Load it from your shell's startup "
                                   "file: eval \"$(examprep completion bash)\" in ~/.bashrc, or "
                                   "eval \"$(examprep completion zsh)\" in ~/.zshrc.\n"
                                   "bash / zsh の補完スクリプトを出力します。~/.bashrc などに上の eval の行を書きます。",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("shell", choices=["bash", "zsh"])

    p = sub.add_parser("dev", help="author tools: dev check ID... / 問題作成者向けツール",
                       description="Author tools. / 問題作成者向けのツール。")
    dev = p.add_subparsers(dest="dev_command", metavar="DEV_COMMAND", parser_class=_Parser)
    q = dev.add_parser("check", help="the author loop: schema, reference, load-bearing methods, holes, mutants, "
                                     "answer files, leaks / 問題の総合チェック",
                       description="Check problems as an author: schema -> the reference passes -> every method has a "
                                   "load-bearing line -> holes at every level -> mutants killed or allow-listed -> "
                                   "tests/components/<id>/ answers -> no leaks -> time. / 問題の総合チェック。")
    q.add_argument("problems", nargs="*", metavar="ID", help="problem ids or YAML files / 問題 ID または YAML")
    q.add_argument("--all", action="store_true", help="every problem / すべての問題")
    q.add_argument("--json", action="store_true", help="machine-readable output / JSON で出力")
    p = sub.add_parser("validate", help="check problem files against the schema / 問題ファイルの検証",
                       description="Validate problem YAML files (all shipped ones by default).")
    p.add_argument("files", nargs="*", metavar="FILE")
    return parser

