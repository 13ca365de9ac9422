"""A sentence moved and reworded, and a sentence split with its figure half moved.

A structural reader (session 15) rewrote the Wikinews Eiffel Tower story: a sentence
moved past the next one with its phrases put in another order and "fourth" made
"fifth" (it shares too little in order to count as moved: shown cut and put in, no
flag); and "The Eiffel Tower attracts up to 32,000 tourists daily and is ..." split
into "It is ..." and "Up to 23,000 tourists visit the Eiffel Tower daily." (the only
flag read 'removed "up to 32,000"').
"""

from __future__ import annotations

import pytest

from core.flags.detect import flag_comparison
from tests.flagged import compared


def test_a_sentence_moved_and_reworded_is_moved_and_its_figure_flagged() -> None:
    old = (
        "This is a reoccurring happening for Paris' famous landmark and marks the fourth "
        "evacuation for 2013. On August 9 and March 31, the monument was closed after "
        "police responded to bomb alerts.\n"
    )
    new = (
        "On August 9 and March 31, the monument was closed after police responded to "
        "bomb alerts. Sunday's closure marks the fifth evacuation for 2013 at Paris' "
        "famous landmark.\n"
    )
    result = compared(old, new)
    assert [b.kind for b in result.blocks if b.kind == "moved"] == ["moved"]
    assert [f.explanation for f in flag_comparison(result)] == ['"fourth" → "fifth"']


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The mayor said the new bridge will open in May. Traffic on the old bridge was "
            "heavy all week.\n",
            "Traffic on the old bridge was heavy all week. The mayor of the city said the "
            "council met on Monday to discuss parking.\n",
        ),
        # GPL 2 against GPL 3: six content words in common (0.6 of them) are no
        # evidence that one sentence became the other.
        (
            "(Some other Free Software Foundation software is covered by the GNU Lesser "
            "General Public License instead.) You can apply it to your programs, too.\n",
            "You can apply it to your programs, too. The GNU General Public License is a "
            "free, copyleft license for software and other kinds of works.\n",
        ),
    ],
)
def test_sentences_sharing_a_few_words_are_no_move(old: str, new: str) -> None:
    result = compared(old, new)
    assert not [b for b in result.blocks if b.kind == "moved"]


def test_a_figure_split_off_into_a_sentence_of_its_own_is_shown_changed() -> None:
    old = (
        "Police have not given any further information. The Eiffel Tower attracts up to "
        "32,000 tourists daily and is the world's most visited monument.\n"
    )
    new = (
        "Police have not given any further information. It is the world's most visited "
        "monument. Up to 23,000 tourists visit the Eiffel Tower daily.\n"
    )
    flags = flag_comparison(compared(old, new))
    assert [(f.kind, f.explanation) for f in flags] == [
        ("number", '"up to 32,000" → "Up to 23,000"')
    ]
