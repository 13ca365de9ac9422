"""A hedge on a figure cut, added or changed in meaning is a changed figure.

Seen on the corpora's news blurbs (itn-blurbs, Wikipedia "In the news"): "A housing
block collapses ..., killing at least nine people." became "... killing nine people."
with no flag: the number is unchanged, but the copy now claims an exact count. Hedges
that claim the same ("over 29,000" and "more than 29,000") raise nothing.
"""

from __future__ import annotations

import pytest

from tests.flagged import flag_pairs

JERSEY = (
    "A housing block collapses after a suspected gas explosion on the island of Jersey, "
    "killing at least nine people."
)


@pytest.mark.parametrize(
    ("old", "new", "explanation"),
    [
        (JERSEY, JERSEY.replace("at least nine", "nine"), '"at least nine" \u2192 "nine"'),
        (
            JERSEY,
            JERSEY.replace("at least nine", "up to nine"),
            '"at least nine" \u2192 "up to nine"',
        ),
        (
            "The quake injured nearly 24,000 others, officials said.",
            "The quake injured more than 24,000 others, officials said.",
            '"nearly 24,000" \u2192 "more than 24,000"',
        ),
        (
            "The civilization ended 400 bce but left enough to study.",
            "The civilization ended around 400 bce.",
            '"400" \u2192 "around 400"',
        ),
        (
            "Semiheavy water occurs at a proportion of roughly one part in 3,200.",
            "Semiheavy water occurs at a proportion of 1 part per 3200.",
            '"roughly one" \u2192 "1"',
        ),
        (
            "Police said 12 people were arrested after the match.",
            "Police said as many as 12 people were arrested after the match.",
            '"12" \u2192 "as many as 12"',
        ),
        (
            "The quake killed at least 34 000 people.",
            "The quake killed 34 000 people.",
            '"at least 34 000" \u2192 "34 000"',
        ),
        (
            "The fund lost about $3 million in the first quarter.",
            "The fund lost $3 million in the first quarter.",
            '"about $3 million" \u2192 "$3 million"',
        ),
    ],
)
def test_a_hedge_cut_added_or_changed_is_a_figure_flag(
    old: str, new: str, explanation: str
) -> None:
    flags = flag_pairs(old, new)
    assert ("number", explanation) in flags, flags


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # the same claim in other words
        (
            "The earthquake killed over 29,000 people in Turkey and Syria.",
            "The earthquake killed more than 29,000 people in Turkey and Syria.",
        ),
        # a floor either way (itn-blurbs, the floods in Sao Paulo)
        (
            "Floods and landslides leave more than 64 people dead in the state of Sao Paulo.",
            "Floods and landslides leave at least 64 people dead in the state of Sao Paulo.",
        ),
        # the hedge moves with its figure (itn-blurbs, the tornado outbreak)
        (
            "At least 25 people are killed in a tornado outbreak in Mississippi.",
            "A tornado outbreak in Mississippi leaves at least 25 people dead.",
        ),
        # a hedge spelled right (iterater-r3)
        (
            "The damaged section of pipe is in Clearbrook, which is aproximatly 350 miles "
            "Northwest of Minneapolis.",
            "The damaged section of pipe is in Clearbrook, which is approximately 350 miles "
            "Northwest of Minneapolis.",
        ),
        # words that hedge nothing here
        (
            "The mayor spoke about the plan for more than an hour.",
            "The mayor spoke on the plan for an hour.",
        ),
    ],
)
def test_a_hedge_that_says_the_same_or_hedges_no_figure_raises_nothing(old: str, new: str) -> None:
    assert not [f for f in flag_pairs(old, new) if f[0] == "number"]


def test_a_hedge_after_its_figure_counts() -> None:
    """ "approaches 100 or more" -> "approaches 100" (the Long War Journal sample)."""
    old = (
        "It is hard to say how many fighters appear, but the number easily approaches 100 or more."
    )
    new = "It is hard to say how many fighters appear, but the number easily approaches 100."
    assert flag_pairs(old, new) == [("number", '"100 or more" \u2192 "100"')]


def test_a_hedge_moved_to_another_figure_is_two_changes() -> None:
    """A round-up of items: "at least" left one toll and went to the next one. The
    words only moved, but each figure now claims otherwise."""
    old = (
        "A bridge collapse in Morbi kills 135 people.\n\n"
        "A gas explosion on Jersey kills at least nine people."
    )
    new = (
        "A bridge collapse in Morbi kills at least 135 people.\n\n"
        "A gas explosion on Jersey kills nine people."
    )
    assert flag_pairs(old, new) == [
        ("number", '"135" \u2192 "at least 135"'),
        ("number", '"at least nine" \u2192 "nine"'),
    ]


def test_a_tilde_hedges_as_about() -> None:
    """ua-gec: "складає ~10 000 грн" -> "становить приблизно 10 000 грн" (about). (A
    "~" cut alone is a change of punctuation, no flag.)"""
    old = "Середня зарплата зараз складає ~10 000 грн на місяць у цьому місті."
    new = "Середня зарплата зараз становить приблизно 10 000 грн на місяць у цьому місті."
    assert flag_pairs(old, new) == []
    assert flag_pairs(old, new.replace("приблизно", "щонайменше")) == [
        ("number", '"~10 000" \u2192 "щонайменше 10 000"')
    ]


def test_a_changed_figure_is_shown_with_its_hedge() -> None:
    """A wire rewrite: "killed 105" -> "killed more than 100" was explained '"105" ->
    "100"', a claim the new text does not make."""
    old = "The quake killed 105 people in the region, officials said. At least 37 were children."
    new = "The quake killed more than 100 people in the region, officials said. 36 were children."
    assert flag_pairs(old, new) == [
        ("number", '"105" \u2192 "more than 100"'),
        ("number", '"At least 37" \u2192 "36"'),
    ]


def test_a_hedge_cut_beside_a_changed_figure_is_shown() -> None:
    """An updated casualty blurb: "At least six ... and 81 injured" -> "Six ... and 85
    injured" showed only '"81" -> "85"'."""
    old = "At least six people were killed and 81 injured in a bombing in Istanbul."
    new = "Six people were killed and 85 injured in a bombing in Istanbul."
    assert flag_pairs(old, new) == [("number", '"At least six" \u2192 "six"; "81" \u2192 "85"')]
    new = "Six people were killed and more than 80 injured in a bombing in Istanbul."
    assert flag_pairs(old, new) == [
        ("number", '"At least six" \u2192 "six"; "81" \u2192 "more than 80"')
    ]


def test_a_hedge_on_a_dozen() -> None:
    old = "Warplanes carried out more than a dozen air strikes on the town, killing 20."
    new = "Warplanes carried out about a dozen air strikes on the town, killing 20."
    assert flag_pairs(old, new) == [("number", '"more than a dozen" \u2192 "about a dozen"')]


def test_a_hedge_before_a_currency_with_its_country() -> None:
    """'rose by over US$4 a barrel' -> 'rose by more than $4': one class, no flag (was
    '"$4" -> "more than $4"', as if the old figure had been exact)."""
    old = "Oil prices rose by over US$4 a barrel on Monday, traders said."
    new = "Oil prices rose by more than $4 a barrel on Monday, traders said."
    assert flag_pairs(old, new) == []
