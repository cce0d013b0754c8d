"""common.timefmt: every duration examprep shows (clock, duration in words, one rounded unit, relative times)."""
from datetime import datetime, timedelta, timezone

from examprep.common import timefmt

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=timezone.utc)


def test_approx_one_rounded_unit():
    assert timefmt.approx(20, "en") == "1 min"                       # a due time is never "0 min"
    assert timefmt.approx(20, "en", seconds_below=600) == "20 s"      # a table cell keeps seconds up to 10 min
    assert timefmt.approx(599, "ja", seconds_below=600) == "599 秒"
    assert timefmt.approx(600, "en", seconds_below=600) == "10 min"
    assert timefmt.approx(3 * 3600, "ja") == "3 時間"
    assert timefmt.approx(2 * 86400, "en") == "2 d"
    assert timefmt.approx(-5 * 60, "en") == "5 min"


def test_relative_to_now():
    assert timefmt.relative(NOW + timedelta(hours=3), NOW, "en") == "in 3 h"
    assert timefmt.relative(NOW - timedelta(days=2), NOW, "ja") == "2 日前"
    assert timefmt.relative(NOW - timedelta(seconds=30), NOW, "en") == "now"
    assert timefmt.relative(NOW + timedelta(seconds=10), NOW, "en") == "in 1 min"


def test_duration_and_clock():
    assert timefmt.duration(42, "en") == "42 s"
    assert timefmt.duration(185, "ja") == "3 分 05 秒"
    assert timefmt.duration(3720, "en") == "1 h 02 min"
    assert timefmt.clock(59.5) == "01:00" and timefmt.clock(59.5, up=False) == "01:00"


def test_store_times_round_trip():
    assert timefmt.parse_time("2026-05-01T12:00:00Z") == NOW
    assert timefmt.parse_time("2026-05-01T12:00:00") == NOW          # naive: taken as UTC
    assert timefmt.parse_time("yesterday") is None
    assert timefmt.iso(NOW) == "2026-05-01T12:00:00+00:00"
