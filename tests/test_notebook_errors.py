"""The magics' mistakes (in-process, no kernel): each shows examprep's one error line (common.errors.error_line, what
`fail` prints at a terminal) in a box, in the magics' language, and raises nothing."""
import html

import pytest

pytest.importorskip("IPython")

from examprep.common.errors import error_line  # noqa: E402
from examprep.notebook import api, magics  # noqa: E402


@pytest.fixture
def shown(monkeypatch):
    out = []
    monkeypatch.setattr(magics, "display", lambda obj: out.append(obj.data))
    return out


def error_box(out):
    (page,) = out
    body = page.split("</style>", 1)[1]
    assert body.startswith('<div class="examprep"><div class="head fail">') and body.endswith("</div></div>")
    return html.unescape(body[len('<div class="examprep"><div class="head fail">'):-len("</div></div>")])


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_an_unknown_problem_shows_the_line_fail_prints(shown, lang, capsys):
    m = magics.ExamprepMagics(None)
    m.lang = lang
    m.examprep("drill no_such_thing")
    with pytest.raises(api.ExamprepError) as info:
        api.make_hole("no_such_thing")
    assert error_box(shown) == error_line(lang, info.value) == f"examprep: {info.value.message(lang)}"
    assert ("問題 'no_such_thing' はありません" if lang == "ja" else "no problem 'no_such_thing'") in info.value.message(lang)


@pytest.mark.parametrize("lang,said", [("ja", "%examprep の行を単語に分けられません (No closing quotation)"),
                                       ("en", "cannot split the %examprep line into words (No closing quotation)")])
def test_an_unclosed_quotation_is_said_in_the_magics_language(shown, lang, said):
    m = magics.ExamprepMagics(None)
    m.lang = lang
    assert m.examprep('drill "softmax') is None
    assert error_box(shown) == f"examprep: {said}"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_usage_mistake_is_the_parsers_words_and_the_usage(shown, lang):
    m = magics.ExamprepMagics(None)
    m.lang = lang
    m.examprep("frobnicate")
    assert error_box(shown) == f"examprep: frobnicate?\n{magics.USAGE[lang]}"
