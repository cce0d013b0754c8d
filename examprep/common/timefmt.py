"""How examprep writes times: a clock (countdowns, times per question) and a duration in words (ja / en)."""
import math


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
