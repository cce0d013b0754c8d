"""common.errors.fail: the one error line every command prints before it stops (exit code 2 by default)."""
from examprep.common.errors import BilingualError, fail


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
