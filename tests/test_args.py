"""The shared argparse value types (examprep.common.args): the CLI and the mock exam reject the same bad values
with the same bilingual messages."""
import argparse

import pytest

from examprep.cli_parser import build_parser
from examprep.common.args import minutes, positive_int, whole_number


@pytest.mark.parametrize("parse, text, message", [
    (positive_int, "0", "expected at least 1 / 1 以上"),
    (positive_int, "two", "expected a whole number, got 'two' / 整数"),
    (whole_number(1, 300, ("問", "questions")), "301", "expected 1 to 300 questions / 1〜300 問で"),
    (whole_number(1, 300, ("問", "questions")), "0", "expected 1 to 300 questions"),
    (minutes(600), "0", "at most 600 / 0 より大きく 600 分以下"),
    (minutes(600), "600.5", "at most 600"),
    (minutes(600), "nan", "at most 600"),
    (minutes(1440), "inf", "at most 1440"),
    (minutes(1440), "soon", "expected a number of minutes, got 'soon'"),
])
def test_bad_values_are_refused_in_both_languages(parse, text, message):
    with pytest.raises(argparse.ArgumentTypeError, match=message.replace("(", r"\(")):
        parse(text)


def test_good_values_pass_through():
    assert positive_int("3") == 3
    assert whole_number(1, 300)("300") == 300
    assert minutes(600)("2.5") == 2.5 and minutes(1440)("1440") == 1440.0


@pytest.mark.parametrize("argv, message", [
    (["practice", "--minutes", "0"], "0 より大きく 1440 分以下"),
    (["mock-exam", "--minutes", "601"], "0 より大きく 600 分以下"),
    (["mock-exam", "--questions", "0"], "1〜300 問で"),
    (["next", "--limit", "x"], "expected a whole number"),
])
def test_the_commands_use_them(argv, message, capsys):
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args(argv)
    assert exc.value.code == 2
    assert message in capsys.readouterr().err
