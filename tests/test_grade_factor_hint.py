"""The constant-factor diagnosis names the factor before the batch size it may equal by coincidence (lp_pool's
mean over a 2x2 window at p = 2 is half the sum, beside a batch of 2: a fourth examination, issue 16)."""
from types import SimpleNamespace

from examprep.grade import hints


def _record(batch):
    return SimpleNamespace(context={"forward": [[batch, 3, 4, 6]]}, stage="forward")


def test_a_factor_equal_to_the_batch_size_is_stated_as_a_factor():
    ja, en = hints.factor_message(0.5, _record(2))
    assert "1/2" in ja and "バッチサイズ 2" in ja
    assert en.strip().startswith("Exactly 1/2 of the expected values") and "batch size 2" in en
    ja, en = hints.factor_message(4.0, _record(4))
    assert "4 倍" in ja and en.strip().startswith("Exactly 4 times") and "batch size 4" in en


def test_other_factors_keep_their_message():
    assert "3 times" in hints.factor_message(3.0, _record(2))[1]
    assert hints.factor_message(31.62, _record(2)) == ("", "")
