"""Command-line entry point: `examprep <command>`, dispatched to each command (the parser: examprep.cli_parser).

Kept light: numpy, rich and the grader are imported only by the command that
needs them, so `examprep --help` starts fast. Exit codes: 0 success / passed,
1 failed (check, drill), 2 bad input (unknown problem, missing file, bad option),
130 interrupted.
"""
import json
import sys

from examprep.cli_parser import build_parser
from examprep.common import errors


def main(argv=None):
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    from examprep.problem import catalog

    try:
        return COMMANDS[args.command](args)
    except catalog.ProblemError as exc:
        return errors.fail(args.lang, {"ja": f"問題ファイルが不正です: {exc}", "en": f"invalid problem file: {exc}"})
    except catalog.UnknownProblem as exc:
        guess = ", ".join(exc.suggestions)
        return errors.fail(args.lang, {
            "ja": f"問題 '{exc.problem_id}' はありません。" + (f" もしかして: {guess}" if guess else "")
                  + " (examprep list で一覧)",
            "en": f"no problem '{exc.problem_id}'." + (f" Did you mean: {guess}?" if guess else "")
                  + " (see examprep list)"})
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        return 130
    except Exception as exc:  # noqa: BLE001 - a store problem is the user's to fix, with the message
        from examprep.learn.progress import StoreError

        if isinstance(exc, StoreError):
            return errors.fail(args.lang, exc)
        raise


def cmd_list(args):
    from examprep.problem import catalog
    from examprep.common import render

    problems = list(catalog.load_all().values())
    if args.area:
        problems = [p for p in problems if p.in_area(args.area)]
        if not problems:
            return errors.fail(args.lang, {"ja": f"分野 '{args.area}' の問題はありません。",
                                           "en": f"no problems in area '{args.area}'."})
    if args.json:
        print(json.dumps([{"id": p.id, "title": p.title, "section": p.section, "item": p.item, "topic": p.topic,
                           "kind": p.kind, "requires": p.requires, "covers": p.covers} for p in problems],
                         ensure_ascii=False, indent=2))
        return 0
    render.problem_list(render.console(), problems, args.lang)
    return 0


def cmd_show(args):
    from examprep.problem import catalog
    from examprep.common import render

    render.show(render.console(), catalog.get(args.problem), args.lang)
    return 0


def cmd_dev(args):
    if getattr(args, "dev_command", None) != "check":
        return errors.fail(args.lang, {"ja": "使い方: examprep dev check ID... | --all",
                                       "en": "usage: examprep dev check ID... | --all"})
    if not args.problems and not args.all:
        return errors.fail(args.lang, {"ja": "問題 ID か --all を指定してください。", "en": "give problem ids or --all."})
    from examprep.dev import check

    return check.run(args.problems, args.all, args.json)


def cmd_validate(args):
    from pathlib import Path

    from examprep.problem import catalog

    files = args.files or [str(p) for p in catalog.problem_files()]
    bad = 0
    for f in files:
        try:
            problem = catalog.load_file(Path(f))
            print(f"ok  {f}  ({problem.id}, {len(problem.cases)} cases)")
        except catalog.ProblemError as exc:
            bad += 1
            print(f"ERR {exc}")
    return 1 if bad else 0


def cmd_drill(args):
    from examprep.problem import catalog

    problem = catalog.get(args.problem)
    level = args.level or ("normal" if args.blanks is None else None)
    if args.export:
        return _export(args, problem, level)
    from examprep.learn import drill

    return drill.run(problem, level=level, blanks=args.blanks, seed=args.seed, lang=args.lang)


def _export(args, problem, level):
    from pathlib import Path

    from examprep.hole import holes
    from examprep.common import render

    path = Path(args.export)
    if path.exists() and not args.force:
        return errors.fail(args.lang, {"ja": f"{path} は既にあります (上書きするには --force)。",
                                       "en": f"{path} exists (use --force to overwrite)."})
    seed = args.seed if args.seed is not None else 0
    with render.status(render.console(stderr=True), args.lang, "prepare"):
        hole = holes.make(problem, level=level or "normal", blanks=args.blanks, seed=seed, lang=args.lang)
    try:
        path.write_text(hole.text, encoding="utf-8")
    except OSError as exc:
        return errors.fail(args.lang, {"ja": f"{path} に書き込めません: {exc.strerror}",
                                       "en": f"cannot write {path}: {exc.strerror}"})
    ja = f"{path} に書き出しました (空欄 {len(hole.labels)} 個)。埋めたら: examprep check {path}"
    en = f"Wrote {path} ({len(hole.labels)} blanks). When filled: examprep check {path}"
    print(ja if args.lang == "ja" else en)
    return 0


def cmd_check(args):
    from pathlib import Path

    from examprep.grade import sandbox

    sandbox.prestart()  # the grading process imports numpy while this one reads the file and the problem
    path = Path(args.file)
    from examprep.learn import checking

    try:
        text = checking.read_source(path, limit=checking.MAX_BYTES)
    except checking.CheckInputError as exc:
        return errors.fail(args.lang, exc)
    except FileNotFoundError:
        return errors.fail(args.lang, {"ja": f"ファイル {path} がありません。", "en": f"no file {path}."})
    except (UnicodeDecodeError, SyntaxError) as exc:
        return errors.fail(args.lang, {"ja": f"{path} の文字コードを読めません ({exc})。UTF-8 で保存し直してください。",
                                       "en": f"cannot decode {path} ({exc}): save it as UTF-8."})
    except OSError as exc:
        return errors.fail(args.lang, {"ja": f"{path} を読めません: {exc}", "en": f"cannot read {path}: {exc}"})
    from examprep.common import render

    con = render.console(stderr=args.json)
    not_recorded = []
    try:
        checked = checking.check_text(text, args.problem, where=str(path), on_store_error=not_recorded.append,
                                      status=lambda: render.status(con, args.lang, "grade", quiet=args.json))
    except checking.CheckInputError as exc:
        return errors.fail(args.lang, exc)
    verdict = checked.verdict
    for exc in not_recorded:  # a read-only or locked store: the verdict is shown all the same
        verdict.notes.append({"ja": f"この採点は履歴に記録されませんでした: {exc.ja}",
                              "en": f"This check was not recorded in your history: {exc.en}"})
    if args.json:
        print(json.dumps(verdict.to_json(), ensure_ascii=False, indent=2))
    else:
        render.verdict(con, checked.problem, verdict, args.lang)
    return 0 if verdict.passed else 1



def check_this_file(path):
    """What a hole file runs under `python FILE`: grade itself (in the file's language) and exit with check's code."""
    from examprep.hole import holes

    argv = ["check", str(path)]
    try:
        with open(path, encoding="utf-8") as f:
            header = holes.read_header(f.read())
        if header and header.fields.get("lang") in ("ja", "en"):
            argv = ["--lang", header.fields["lang"]] + argv
    except OSError:
        pass
    sys.exit(main(argv))


def cmd_watch(args):
    from examprep.learn import watch

    return watch.main(args)


def cmd_completion(args):
    from examprep.common import completion

    return completion.main(args)


def cmd_practice(args):
    from examprep.learn import practice

    return practice.main(args)


def cmd_next(args):
    from examprep.learn import whatnext

    return whatnext.main(args)


def cmd_report(args):
    from examprep.learn import report

    return report.main(args)


def cmd_export(args):
    from examprep.learn import history

    return history.export_main(args)


def cmd_import(args):
    from examprep.learn import history

    return history.import_main(args)


def cmd_mock_exam(args):
    from examprep.exam import command

    return command.main(args)


def cmd_capstone(args):
    from examprep.capstone import command

    return command.main(args)


COMMANDS = {"list": cmd_list, "show": cmd_show, "drill": cmd_drill, "check": cmd_check, "watch": cmd_watch,
            "validate": cmd_validate, "dev": cmd_dev, "practice": cmd_practice, "next": cmd_next, "report": cmd_report,
            "export": cmd_export, "import": cmd_import, "mock-exam": cmd_mock_exam, "capstone": cmd_capstone,
            "completion": cmd_completion}


if __name__ == "__main__":
    sys.exit(main())
