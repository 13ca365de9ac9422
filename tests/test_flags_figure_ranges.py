"""A range of figures with its thousands is one figure: ``80-100,000``.

Seen on wiki-versions (Military_of_Iraq): "140,000 troops" -> "80-100,000 troops" read
'"140,000" -> "80-100, 000"', and a verse range "18:14" -> "18:14-16" read 'added "16"':
the words of a flag split a range at its comma, or took its end for a figure put in.
"""

from __future__ import annotations

import pytest

from core.flags.pooled import WORD
from tests.flagged import flag_pairs


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        (
            "About 140,000 troops were there.",
            "About 80-100,000 troops were there.",
            '"140,000" → "80-100,000"',
        ),
        (
            "About 15,000 troops were there.",
            "About 15\u201320,000 troops were there.",
            '"15,000" → "15\u201320,000"',
        ),
        ("See Isaiah 18:14 for it.", "See Isaiah 18:14-16 for it.", '"18:14" → "18:14-16"'),
        ("Growth was 3-4.5 per cent.", "Growth was 3-5.5 per cent.", '"3-4.5" → "3-5.5"'),
    ],
)
def test_a_range_is_shown_whole(old: str, new: str, shown: str) -> None:
    assert flag_pairs(old, new) == [("number", shown)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("an 80-100-strong unit", ["an", "80-100-strong", "unit"]),
        ("an 80\u2013100-strong unit", ["an", "80\u2013100", "strong", "unit"]),
        ("on 2010-11-05 at 3-day", ["on", "2010-11-05", "at", "3-day"]),
        ("rose to 80-100,000.", ["rose", "to", "80-100,000"]),
        ("won 5-4, 3-2", ["won", "5-4", "3-2"]),
    ],
)
def test_words_around_ranges_stay_as_they_were(text: str, words: list[str]) -> None:
    assert WORD.findall(text) == words
