"""A source cut with "according to", and a statement's uncertainty cut or put in.

Seen by a wire-desk editor (session 16): "... lost power, according to the utility
tracking site PowerOutage.us." -> "... lost power." and "..., according to two people
familiar with the matter." cut raised no attribution flag (only a capitalised word
right after "to" counted as a source); "Quispe said the species was probably
endangered" -> "... was endangered" and "The company may cut as many as 2,000 jobs"
-> "will cut" raised nothing.
"""

from __future__ import annotations

import pytest

from core.engine.compare import compare
from core.flags.detect import flag_comparison
from core.text.document import document_from_text
from tests.flagged import flag_pairs


def _attribution(old: str, new: str) -> list[str]:
    result = compare(document_from_text(old, "old"), document_from_text(new, "new"))
    return [f.explanation for f in flag_comparison(result) if f.kind == "attribution"]


@pytest.mark.parametrize(
    ("old", "new", "explanation"),
    [
        (
            "More than 200,000 homes and businesses lost power, according to the utility "
            "tracking site PowerOutage.us.",
            "More than 200,000 homes and businesses lost power.",
            'removed "according"',
        ),
        (
            "The minister resigned after the vote on Tuesday, according to two people "
            "familiar with the matter.",
            "The minister resigned after the vote on Tuesday.",
            'removed "according"',
        ),
        (
            "Quispe said the species was probably endangered and needed protection.",
            "Quispe said the species was endangered and needed protection.",
            'removed "probably"',
        ),
        (
            "The company may cut as many as 2,000 jobs next year, the union warned.",
            "The company will cut as many as 2,000 jobs next year, the union warned.",
            '"may" \u2192 "will"',
        ),
        (
            "At its peak, Cahokia was the most populous city in North America.",
            "At its peak, Cahokia may have been the most populous city in North America.",
            '"was" \u2192 "may have been"',
        ),
    ],
)
def test_a_source_or_a_doubt_cut_or_put_in_is_flagged(old: str, new: str, explanation: str) -> None:
    assert explanation in _attribution(old, new)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # a month, leave given, a modal either way, a rewrite of the clause
        (
            "In 2006, GM announced that it is discontinuing the H1 model.",
            "In may 2006, GM announced that it is discontinuing the H1 model.",
        ),
        (
            "You convey a copy of the work under these terms and conditions.",
            "You may convey a copy of the work under these terms and conditions.",
        ),
        (
            "A woman carrying the defect can not be affected by it, doctors said.",
            "A woman carrying the defect may not be affected by it, doctors said.",
        ),
        (
            "The story is set before the American Civil War in a small town.",
            "The story is set before the American Civil War, probably in the 1830s.",
        ),
        ("The work was completed according to plan.", "The work was completed."),
    ],
)
def test_no_doubt_cut_or_put_in(old: str, new: str) -> None:
    assert _attribution(old, new) == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # the same speaker's word, a title won, a neutral verb of reporting
        (
            'Governor Eduardo Leite said it was "the worst disaster in the history" of the state.',
            'Governor Eduardo Leite called it "the worst disaster in the history" of the state.',
        ),
        (
            "Carlos Alcaraz beat Jannik Sinner in the final on Wednesday to claim his 18th "
            "career title.",
            "Carlos Alcaraz beat Jannik Sinner in the final on Wednesday for his 18th "
            "career title.",
        ),
        (
            "'If we knew people were killed by them we would report it,' Mr Abdulrahman added.",
            "'If we knew people were killed by them we would report it,' Mr Abdulrahman said.",
        ),
    ],
)
def test_the_same_attribution_in_other_words(old: str, new: str) -> None:
    assert _attribution(old, new) == []


def test_a_naming_is_no_speech() -> None:
    old = 'The project was launched on January 15, a day now called "Wikipedia Day" by some.\n'
    new = "The project was launched on January 15.\n"
    assert _attribution(old, new) == []
    said = 'Some schools say that the arhats wake up, and the paths were called "low".\n'
    cut = 'The paths were called "inferior".\n'
    assert _attribution(said + "It ended.", cut + "It ended.") == ['removed "say"']


def test_a_hedged_figure_carried_with_its_hedge_from_the_sentence_cut_next_door() -> None:
    # A desk reader's merge (session 17): the injured folded into the lead, hedge and all.
    old = (
        "At least 156 people are killed in a crowd crush in Seoul on 29 October. More than "
        "150 others are injured. Most of the victims were young.\n"
    )
    new = (
        "At least 156 people are killed and more than 150 others injured in a crowd crush "
        "in Seoul on 29 October. Most of the victims were young.\n"
    )
    result = compare(document_from_text(old), document_from_text(new))
    assert not [f for f in flag_comparison(result) if f.kind == "number"]


def test_a_hedge_left_behind_as_its_figure_is_carried_next_door_is_flagged() -> None:
    old = (
        "At least 156 people are killed in a crowd crush in Seoul on 29 October. More than "
        "150 others are injured. Most of the victims were young.\n"
    )
    new = (
        "At least 156 people are killed and 150 others injured in a crowd crush in Seoul "
        "on 29 October. Most of the victims were young.\n"
    )
    result = compare(document_from_text(old), document_from_text(new))
    flags = [(f.kind, f.explanation) for f in flag_comparison(result)]
    assert flags == [("number", '"More than 150" \u2192 "150"')]


def test_a_hedge_cut_with_its_verb_made_a_statement_is_flagged() -> None:
    # "may reopen" -> "reopens": the verb itself is the statement (a reader checking
    # hedges, session 19: "may cut" -> "will cut" flagged, "may reopen" -> "reopens" not)
    flags = flag_pairs(
        "The bridge may reopen on Monday, officials said.\n",
        "The bridge reopens on Monday, officials said.\n",
    )
    assert ("attribution", '"may reopen" \u2192 "reopens"') in flags
    # ... not leave given, nor another verb put in its place
    assert flag_pairs("You may copy the file.\n", "You copied the file.\n") == []
    assert all(
        kind != "attribution"
        for kind, _ in flag_pairs(
            "The bridge may reopen on Monday.\n", "The bridge closes on Monday.\n"
        )
    )
