"""Record labels in the learner's language.

The grader names what it compared with an English label (a record's `what`: "backward return (step 1)",
"params['W'] moved after step 2", "dW (step 1)"), which its messages embed. The kinds keep English labels (they are
also keys); Japanese output translates them here, at render time, so no Japanese message carries an English
fragment. An unknown label is left as it is (it is code-like: a name or a call).
"""
import re

# (pattern of the whole label, Japanese with the pattern's groups). Tried in order; the first match wins.
PATTERNS = [
    (r"forward output \(step (\d+)\)", "forward の出力 (ステップ {0})"),
    (r"forward leaves its input unchanged \(step (\d+)\)", "forward が入力を書き換えないこと (ステップ {0})"),
    (r"backward return \(step (\d+)\)", "backward の戻り値 (ステップ {0})"),
    (r"update \(step (\d+)\)", "update (ステップ {0})"),
    (r"(.+) moved after step (\d+)", "ステップ {1} 後の {0} の移動量"),
    (r"(.+) \(after step (\d+)\)", "{0} (ステップ {1} の後)"),
    (r"(.+) \(step (\d+)\)", "{0} (ステップ {1})"),
    (r"(.+\(\.\.\.\)) leaves its arguments unchanged", "{0} が引数を書き換えないこと"),
    (r"constructor", "コンストラクタ"),
    (r"forward \(training\)", "forward (学習時)"),
    (r"forward \(inference\)", "forward (推論時)"),
    (r"kept values scaled by one constant", "残した値が一つの定数でスケールされていること"),
    (r"fraction of units kept", "残したユニットの割合"),
    (r"backward uses the forward's mask", "backward が forward のマスクを使うこと"),
    (r"a new mask on every training call", "学習時の呼び出しごとに新しいマスクを作ること"),
    (r"inference output keeps the expectation", "推論時の出力が期待値を保つこと"),
    (r"dtype kept", "dtype が保たれること"),
]
_COMPILED = [(re.compile(p + r"((?:\[[^\]]*\])*)"), ja) for p, ja in PATTERNS]


def what_ja(what):
    """The Japanese for a record label (index suffixes such as [0] or ['W'] kept); the label itself when unknown."""
    if not what:
        return what
    for pattern, ja in _COMPILED:
        m = pattern.fullmatch(what)
        if m:
            *groups, suffix = m.groups()
            return ja.format(*groups) + (suffix or "")
    return what


def localized(failure, lang):
    """A grader failure's message in lang, with its English record label translated in Japanese output."""
    if not failure:
        return ""
    text = getattr(failure, lang, None) or failure.en or ""
    what = failure.what
    if lang == "ja" and what and what in text:
        text = text.replace(what, what_ja(what))
    return text
