"""A figure written another way in other languages is no change: a number word for
its digits, a date in figures for its month's name, a Japanese thousands comma.

Seen by a multilingual editor (session 16): "двое человек" -> "2 человека" and
"dwie osoby" -> "2 osoby" raised 'added "2"', "3 ministri" -> "tre ministri" raised
'removed "3"', "il 5 marzo 2023" -> "il 05/03/2023" raised '"5 marzo" -> "05, 03"',
"op 5 maart 2023" -> "op 5-3-2023" and "1,234億円" -> "1234億円" ('"1, 234億"') were
flagged.
"""

from __future__ import annotations

import pytest

from core.engine.compare import compare
from core.flags.detect import flag_comparison
from core.text.document import document_from_text


def _numbers(old: str, new: str) -> list[str]:
    result = compare(document_from_text(old, "old"), document_from_text(new, "new"))
    return [f.explanation for f in flag_comparison(result) if f.kind == "number"]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("В результате пожара погибли двое человек.", "В результате пожара погибли 2 человека."),
        ("W wypadku zginęły dwie osoby.", "W wypadku zginęły 2 osoby."),
        (
            "Il premier ha incontrato 3 ministri a Roma.",
            "Il premier ha incontrato tre ministri a Roma.",
        ),
        (
            "La frana è avvenuta il 5 marzo 2023 a Ischia.",
            "La frana è avvenuta il 05/03/2023 a Ischia.",
        ),
        (
            "Het ongeluk gebeurde op 5 maart 2023 op de A12.",
            "Het ongeluk gebeurde op 5-3-2023 op de A12.",
        ),
        ("被害額は1,234億円に上った。", "被害額は1234億円に上った。"),
    ],
)
def test_the_same_figure_written_otherwise_is_no_change(old: str, new: str) -> None:
    assert _numbers(old, new) == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("W wypadku zginęły dwie osoby.", "W wypadku zginęły 3 osoby."),
        (
            "La frana è avvenuta il 5 marzo 2023 a Ischia.",
            "La frana è avvenuta il 05/04/2023 a Ischia.",
        ),
        ("被害額は1,234億円に上った。", "被害額は1,243億円に上った。"),
    ],
)
def test_another_figure_is_still_flagged(old: str, new: str) -> None:
    assert len(_numbers(old, new)) == 1
