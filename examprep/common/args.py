"""argparse value types shared by the commands' options: whole numbers in a range and minutes.

Each message is in English and Japanese at once: argparse reports a bad value while it parses, before --lang is
known. Used by examprep.cli_parser and examprep.exam.command.
"""
import argparse


def whole_number(low=1, high=None, unit=None):
    """An argparse type: a whole number of at least low (and at most high). unit = (ja, en), e.g. ("問", "questions"),
    names what is counted in the message of a range."""
    def parse(text):
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r} / 整数を指定してください") from None
        if high is None and value < low:
            raise argparse.ArgumentTypeError(f"expected at least {low} / {low} 以上を指定してください")
        if high is not None and not low <= value <= high:
            ja, en = (f" {u}" for u in unit) if unit else ("", "")
            raise argparse.ArgumentTypeError(f"expected {low} to {high}{en} / {low}〜{high}{ja}で指定してください")
        return value

    parse.__name__ = "whole number"
    return parse


def minutes(most):
    """An argparse type: a number of minutes above 0 and at most `most` (fractions allowed)."""
    def parse(text):
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a number of minutes, got {text!r} / 分を数値で指定してください") \
                from None
        if not 0 < value <= most:   # NaN fails too
            raise argparse.ArgumentTypeError(f"expected a number of minutes above 0 and at most {most:g} "
                                             f"/ 0 より大きく {most:g} 分以下で指定してください")
        return value

    parse.__name__ = "minutes"
    return parse


positive_int = whole_number(1)
