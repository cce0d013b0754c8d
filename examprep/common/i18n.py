"""Choosing the learner's language: --lang, else EXAMPREP_LANG, else the locale (ja_* -> ja)."""
import os

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


def pick(texts, lang):
    """The text in lang from a {ja, en} mapping."""
    return texts.get(lang) or texts.get("en") or ""
