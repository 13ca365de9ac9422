"""A claim's hedge of attribution cut or added is an Attribution flag.

Seen on a rewrite of the Long War Journal sample (resources/samples/002): "Given that
the ISIS has been reported to be in complete control of Mosul, ..." became "Given that
ISIS is in control of Mosul, ...": the copy now states as fact what it reported, and
nothing was flagged (a passive "reported to be", like "reportedly" or "is said to
have", names no speaker and uses no verb of speech in the active).
"""

from __future__ import annotations

import pytest

from tests.flagged import flag_pairs


@pytest.mark.parametrize(
    ("old", "new", "explanation"),
    [
        (
            "Given that the ISIS has been reported to be in complete control of Mosul, "
            "hundreds of fighters took part.",
            "Given that ISIS is in control of Mosul, hundreds of fighters took part.",
            'removed "reported to be"',
        ),
        (
            "The minister reportedly resigned on Friday after the vote.",
            "The minister resigned on Friday after the vote.",
            'removed "reportedly"',
        ),
        (
            "The driver was allegedly drunk at the time of the crash.",
            "The driver was drunk at the time of the crash.",
            'removed "allegedly"',
        ),
        (
            "The gang stole paintings worth $4 million from the museum.",
            "The gang is believed to have stolen paintings worth $4 million from the museum.",
            'added "believed to have"',
        ),
    ],
)
def test_a_hedge_of_attribution_cut_or_added_is_flagged(
    old: str, new: str, explanation: str
) -> None:
    flags = flag_pairs(old, new)
    assert ("attribution", explanation) in flags, flags


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # the claim still attributed, in other words
        (
            "The minister reportedly resigned on Friday after the vote.",
            "The minister resigned on Friday after the vote, the BBC reported.",
        ),
        (
            "The driver was allegedly drunk at the time of the crash.",
            "The driver was said to be drunk at the time of the crash.",
        ),
        # the claim left uncertain in other words (wiki-versions, Hentai)
        (
            "It is believed to be a shortened form of hentai used in the 1960s.",
            "The origins are uncertain, but it may be a shortened form of hentai used in the "
            "1960s.",
        ),
        # "said to" that hedges nothing: someone spoke to someone
        (
            "Ye have heard that it was said to them of old time, Thou shalt not kill.",
            "You have heard that it was said to the ancient ones, 'You shall not murder.'",
        ),
        (
            "And he said to them, Go into the village over against you.",
            "He said to them, Go into the village that is opposite you.",
        ),
    ],
)
def test_a_claim_still_attributed_raises_nothing(old: str, new: str) -> None:
    assert not [f for f in flag_pairs(old, new) if f[0] == "attribution"]


# A structural reader's rewrites (session 17): a statement held back from its whole made
# whole, a verb of refusal read as speech, "declared" for "said".
@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "He is largely credited with transforming the stroboscope into a common device.",
            "He is credited with transforming the stroboscope into a common device.",
            [("attribution", 'removed "largely"')],
        ),
        (
            "It is almost exclusively used in Japan by collectors.",
            "It is exclusively used in Japan by collectors.",
            [("attribution", 'removed "almost"')],
        ),
        (
            "Because the government denied him the use of metal, he built the plane of wood.",
            "Because the government refused him the use of metal, he built the plane of wood.",
            [],
        ),
        (
            "As a teenager, he declared that his goals were to become the best golfer.",
            "As a teenager, he said his goals were to become the best golfer.",
            [],
        ),
        (
            "The minister denied that he had lied to parliament.",
            "The minister said that he had lied to parliament.",
            [("attribution", '"denied" \u2192 "said"')],
        ),
    ],
)
def test_statements_held_back_and_verbs_that_only_look_like_speech(
    old: str, new: str, expected: list[tuple[str, str]]
) -> None:
    assert flag_pairs(old, new) == expected


def test_almost_before_a_figure_is_the_figures_hedge_not_a_claims() -> None:
    flags = flag_pairs(
        "Almost 40 people were hurt in the crash.", "40 people were hurt in the crash."
    )
    assert [k for k, _ in flags] == ["number"]
