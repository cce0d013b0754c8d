"""common.errors: error_line, the one error line examprep shows, and fail, which prints it before a command stops
(exit code 2 by default)."""
from examprep.common.errors import BilingualError, error_line, fail


def test_a_table_entry_in_the_language_with_its_fields(capsys):
    entry = {"ja": "分野 '{area}' の問題はありません。", "en": "no problems in area '{area}'."}
    assert fail("ja", entry, area="9") == 2
    assert capsys.readouterr().err == "examprep: 分野 '9' の問題はありません。\n"
    assert fail("en", entry, area="9") == 2
    assert capsys.readouterr().err == "examprep: no problems in area '9'.\n"


def test_a_bilingual_error_and_another_exit_code(capsys):
    assert fail("ja", BilingualError("壊れています", "it is damaged"), code=1) == 1
    assert capsys.readouterr().err == "examprep: 壊れています\n"


def test_braces_in_a_message_without_fields_are_kept(capsys):
    # an exception's text (a dict, a set) inside an already formatted message must not be formatted again
    fail("en", {"ja": "x", "en": "cannot read {'a': 1}"})
    assert capsys.readouterr().err == "examprep: cannot read {'a': 1}\n"


def test_a_plain_string_is_shown_as_it_is_in_either_language(capsys):
    # Python's own words (argparse, shlex): the same in both languages, never formatted
    for lang in ("ja", "en"):
        assert error_line(lang, "No closing quotation {x}") == "examprep: No closing quotation {x}"
        fail(lang, "No closing quotation {x}")
        assert capsys.readouterr().err == "examprep: No closing quotation {x}\n"


def test_fail_prints_the_error_line(capsys):
    entry = {"ja": "分野 '{area}' はありません。", "en": "no area '{area}'."}
    for lang in ("ja", "en"):
        for message, fields in ((entry, {"area": "9"}), (BilingualError("壊れています", "it is damaged"), {})):
            fail(lang, message, **fields)
            assert capsys.readouterr().err == error_line(lang, message, **fields) + "\n"
    assert error_line("ja", entry, area="9") == "examprep: 分野 '9' はありません。"


def test_the_exams_errors_are_bilingual_errors():
    """mock-exam hands them to fail as they are."""
    from examprep.exam.compose import CompositionError
    from examprep.exam.sitting import SittingError

    for cls in (SittingError, CompositionError):
        exc = cls("試験の記録を読めません。", "cannot read the exam file.")
        assert isinstance(exc, BilingualError) and str(exc) == exc.en
        assert error_line("ja", exc) == "examprep: 試験の記録を読めません。"


def test_mock_exam_prints_its_errors_through_fail(capsys, tmp_path, monkeypatch):
    from examprep import cli

    monkeypatch.setenv("EXAMPREP_HOME", str(tmp_path))
    for lang, area, no_open in (("ja", "examprep: 分野 '9' はありません (1〜5 または分野名)。\n",
                                 "examprep: 開始済みの試験はありません。examprep mock-exam で始めてください。\n"),
                                ("en", "examprep: no area '9' (use 1-5 or an area name).\n",
                                 "examprep: No exam is open: start one with examprep mock-exam.\n")):
        assert cli.main(["--lang", lang, "mock-exam", "--area", "9"]) == 2
        assert capsys.readouterr().err == area
        assert cli.main(["--lang", lang, "mock-exam", "--resume"]) == 2
        assert capsys.readouterr().err == no_open
