"""Choosing the learner's language: --lang, else EXAMPREP_LANG, else the locale (ja_* -> ja)."""
import os
import re

LANGS = ("ja", "en")


def default_lang():
    explicit = os.environ.get("EXAMPREP_LANG")
    if explicit in LANGS:
        return explicit
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


def ja_en(ja, en):
    """A learner-facing text in both languages: the {ja, en} mapping pick() and text() read."""
    return {"ja": ja, "en": en}


def pick(texts, lang):
    """The text in lang from a {ja, en} mapping."""
    return texts.get(lang) or texts.get("en") or ""


def text(table, key, lang, **kw):
    """The message `key` of a module's TEXT table ({key: {ja, en}}) in lang, with {fields} filled from kw.

    The one lookup every module uses for its learner-facing messages (each module keeps its own table beside the
    code that prints it; the lookup and the fallback to English live here once).
    """
    return pick(table[key], lang).format(**kw)


_JA = r"[\u3040-\u30ff\u3400-\u9fff]"    # kana and kanji (not the punctuation 、。「」)
_LATIN = r"[A-Za-z0-9()\u0391-\u03c9]"    # Latin letters, digits, half-width parentheses, Greek


def ja_join(*parts):
    """Japanese text from pieces, with the half-width space the learner-facing texts put where Japanese meets a Latin
    letter, a digit, a Greek letter or a half-width parenthesis (次のコードは + GELU -> 次のコードは GELU; 空欄 +
    (あ) + に -> 空欄 (あ) に), and none between two Japanese words."""
    out = ""
    for part in parts:
        if out and part and (re.match(_JA, out[-1]) and re.match(_LATIN, part[0])
                             or re.match(_LATIN, out[-1]) and re.match(_JA, part[0])):
            out += " "
        out += part
    return out


def a_an(number):
    """The English article before a number as read aloud: "an 8×8 map", "an 11-word sentence", "a 7×7 map"."""
    digits = str(number)
    return "an" if digits.startswith("8") or digits in ("11", "18") else "a"
