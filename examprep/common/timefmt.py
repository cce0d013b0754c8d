"""How examprep reads and writes times: the store's ISO 8601 timestamps and, in ja / en, the three ways it shows a
duration: clock() (mm:ss: countdowns, time per question), duration() (in words: '3 min 05 s') and approx() (one
rounded unit: '3 h', in table cells and relative() times). Every command formats times through these."""
import math
from datetime import datetime, timezone

from examprep.common.i18n import pick

TEXT = {
    "ago": {"ja": "{t}前", "en": "{t} ago"},
    "in": {"ja": "{t}後", "en": "in {t}"},
    "now": {"ja": "今", "en": "now"},
}


def clock(seconds, up=True):
    """Seconds as mm:ss (h:mm:ss from an hour). Rounded up by default, so that a countdown shows 00:00 only
    when the time is over; up=False rounds a duration to the nearest second."""
    s = max(0, math.ceil(seconds - 1e-9) if up else round(seconds))
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


def duration(seconds, lang):
    """A duration in words: '42 s' / '42 秒', '3 min 05 s' / '3 分 05 秒', '1 h 02 min' / '1 時間 02 分'."""
    seconds = float(seconds)
    if seconds < 60:
        return f"{seconds:.0f} 秒" if lang == "ja" else f"{seconds:.0f} s"
    m, s = divmod(int(round(seconds)), 60)
    if m < 60:
        return f"{m} 分 {s:02d} 秒" if lang == "ja" else f"{m} min {s:02d} s"
    h, m = divmod(m, 60)
    return f"{h} 時間 {m:02d} 分" if lang == "ja" else f"{h} h {m:02d} min"


def parse_time(text):
    """An ISO 8601 timestamp from the store as an aware UTC datetime (naive ones are taken as UTC); None if bad."""
    try:
        value = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except (TypeError, ValueError):
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


def utc_now():
    return datetime.now(timezone.utc)


def iso(value):
    return value.astimezone(timezone.utc).isoformat(timespec="seconds") if value else None


def approx(seconds, lang, seconds_below=0):
    """A duration rounded to one unit, for table cells and due dates: '42 s' below seconds_below seconds, else
    '5 min' (at least 1), '3 h' (below 1.5 days), '2 d'; in Japanese '42 秒', '5 分', '3 時間', '2 日'."""
    secs = abs(float(seconds))
    if secs < seconds_below:
        n, unit = round(secs), ("秒", "s")
    elif secs < 3600:
        n, unit = max(1, round(secs / 60)), ("分", "min")
    elif secs < 86400 * 1.5:
        n, unit = round(secs / 3600), ("時間", "h")
    else:
        n, unit = round(secs / 86400), ("日", "d")
    return f"{n} {unit[0]}" if lang == "ja" else f"{n} {unit[1]}"


def relative(when, now, lang):
    """when as seen from now: 'in 3 h' / '2 d ago' / 'now' ('3 時間後' / '2 日前' / '今')."""
    delta = when - now
    if -60 < delta.total_seconds() <= 0:
        return pick(TEXT["now"], lang)  # due within the last minute; a time still ahead reads "in 1 min" at least
    return pick(TEXT["in" if delta.total_seconds() > 0 else "ago"], lang).format(t=approx(delta.total_seconds(), lang))

