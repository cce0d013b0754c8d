"""Give-aways of the ninth examination (issue 16, exports of seeds 11 and 13 of main d1a12f0,
/work/notes/final9), kind 4: names the listing defines and reads only in a blank, one option lacking each."""
from examprep.exam.giveaways import shows_partner
from tests.test_exam_eighth_giveaways import _power


def test_options_each_lacking_another_unread_name_give_the_key_away():
    """mfcc's power blank (seed 13 Q95): `np.ones(n_fft)` lacks hann, `n_fft` for the hop lacks hop, `hann(hop)`
    keeps both; two options are ruled out by "use every name" though no one name rules out two."""
    assert shows_partner(_power(["stft_power(x, n_fft, n_fft, hann(n_fft))",
                                 "stft_power(x, n_fft, hop, np.ones(n_fft))",
                                 "stft_power(x, n_fft, hop, hann(hop))"]))


def test_one_option_lacking_an_unread_name_gives_nothing_away():
    # only the rectangular window lacks a name (hann); the others keep hann and hop in other places
    assert not shows_partner(_power(["stft_power(x, hop, n_fft, hann(n_fft))",
                                     "stft_power(x, n_fft, hop, np.ones(n_fft))",
                                     "stft_power(x, n_fft, hop, hann(hop))"]))

