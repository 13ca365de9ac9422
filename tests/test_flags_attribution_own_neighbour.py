"""An attribution cut is not explained by the sentence next door saying its own.

The session 20 reader: "Users can set push.default to simple, Nieder said. It is safe
to remove the old directory, Nieder said." -> "Nieder said users can set push.default
to simple. It is safe to remove the old directory." The second sentence lost its
source, unflagged: "Nieder said", put in at the head of the first, was read as where
it went. That sentence had cut its own "Nieder said" at its end: what it put in is its
own attribution moved, not the one the next sentence lost. A verb both sentences
have is not shown as cut or put in either ("according" moved to the end).
"""

from __future__ import annotations

from tests.flagged import flag_pairs


def test_a_source_cut_beside_one_that_moved_in_its_own_sentence_is_flagged() -> None:
    old = (
        "Users can set push.default to simple, Nieder said. "
        "It is safe to remove the old directory, Nieder said."
    )
    new = (
        "Nieder said users can set push.default to simple. It is safe to remove the old directory."
    )
    assert ("attribution", 'removed "said"') in flag_pairs(old, new)


def test_a_source_moved_into_the_sentence_next_door_is_no_change() -> None:
    old = "The plant will close in June, the company said. About 200 people work there."
    new = "The plant will close in June. About 200 people work there, the company said."
    assert "attribution" not in [kind for kind, _ in flag_pairs(old, new)]


def test_a_verb_both_sentences_have_is_not_shown_as_removed() -> None:
    # The session 20 reader: "according" moved to the end read 'removed "according, said"'.
    old = (
        "The attack hit at least two developers, according to researcher Robert Hansen, "
        'who said the flooding "may make affected keys unusable."'
    )
    new = (
        "The attack hit at least two developers, and the flooding makes affected keys "
        "unusable, according to researcher Robert Hansen."
    )
    assert ("attribution", 'removed "said"') in flag_pairs(old, new)


def test_a_source_cut_is_not_explained_by_a_neighbour_that_named_it_already() -> None:
    # The session 20 held-out reader: "described by its developers" -> "The developers
    # said" next door took the "the developers said" this sentence cut.
    old = (
        "The change was described by its developers as a fix.\n\n"
        "The key can be embedded in the image, the developers said.\n\n"
        "Users can enroll other keys, the developers noted.\n"
    )
    new = (
        "The developers said the change is a fix.\n\nThe key is embedded in the image.\n\n"
        "Users can enroll other keys, Lennart Poettering noted.\n"
    )
    assert ("attribution", 'removed "said"') in flag_pairs(old, new)
