"""Figures in other languages: the same figure written otherwise is no change; a figure
changed is flagged, whole.

Seen by editors on real news (minimal pairs kept in the session's notes): Chinese and
Japanese numerals (``三个月`` = ``3个月``, ``2.4万`` = ``24000``, ``一周`` against
``两周``), European number formats (``1 234,5`` = ``1.234,5`` = ``1,234.5``;
``20.000`` = ``20 000`` in German copy), number words of French, German, Spanish,
Portuguese and Russian (``trois morts`` = ``3 morts``, ``сто пятьдесят шесть`` =
``156``), the pronoun "one" against a figure, and dates written with month names or
in digits.
"""

from __future__ import annotations

import pytest

from core.engine.compare import compare
from core.flags.detect import flag_comparison
from core.text.document import document_from_text


def _flags(old: str, new: str) -> list[tuple[str, str]]:
    result = compare(document_from_text(old, "old"), document_from_text(new, "new"))
    return [(f.kind, f.explanation) for f in flag_comparison(result)]


def _numbers(old: str, new: str) -> list[str]:
    return [text for kind, text in _flags(old, new) if kind == "number"]


@pytest.mark.parametrize(
    ("old", "new", "explanation"),
    [
        (
            "Le déficit atteint 1 234,5 millions d'euros, selon le ministère.",
            "Le déficit atteint 1 234,9 millions d'euros, selon le ministère.",
            '"1 234,5" \u2192 "1 234,9"',
        ),
        (
            "Le déficit atteint 1\u00a0234,5 millions d'euros, selon le ministère.",
            "Le déficit atteint 1\u00a0234,9 millions d'euros, selon le ministère.",
            '"1 234,5" \u2192 "1 234,9"',
        ),
        (
            "Le déficit atteint 1\u202f234,5 millions d'euros, selon le ministère.",
            "Le déficit atteint 1\u202f234,9 millions d'euros, selon le ministère.",
            '"1 234,5" \u2192 "1 234,9"',
        ),
        (
            "Der Schaden beträgt 1.234,5 Millionen Euro.",
            "Der Schaden beträgt 1.234,9 Millionen Euro.",
            '"1.234,5" \u2192 "1.234,9"',
        ),
        ("In 2020 100 people died.", "In 2021 100 people died.", '"2020" \u2192 "2021"'),
        ("Mehr als 20.000 Tote.", "Mehr als 30 000 Tote.", '"20.000" \u2192 "30 000"'),
    ],
)
def test_european_number_formats_changed_are_one_figure(
    old: str, new: str, explanation: str
) -> None:
    assert _numbers(old, new) == [explanation]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "Der Schaden beträgt 1.234,5 Millionen Euro, teilte das Ministerium mit.",
            "Der Schaden beträgt 1 234,5 Millionen Euro, teilte das Ministerium mit.",
        ),
        (
            "Le bilan s'élève à 1 234,5 millions d'euros, selon le ministère.",
            "Le bilan s'élève à 1,234.5 millions d'euros, selon le ministère.",
        ),
        (
            "Nach dem Erdbeben wurden bislang mehr als 20.000 Todesopfer geborgen.",
            "Nach dem Erdbeben wurden bislang mehr als 20 000 Todesopfer geborgen.",
        ),
        (
            "Rund 60.000 Helfer suchen dort weiterhin nach verschütteten Menschen.",
            "Rund 60\u00a0000 Helfer suchen dort weiterhin nach verschütteten Menschen.",
        ),
        ("The rate is 3,14 now.", "The rate is 3.14 now."),
    ],
)
def test_european_number_formats_of_one_value_are_the_same_figure(old: str, new: str) -> None:
    assert _numbers(old, new) == []


@pytest.mark.parametrize(
    ("old", "new", "explanation"),
    [
        (
            "One of the soldiers was injured in the mortar attack.",
            "Two of the soldiers were injured in the mortar attack.",
            '"One" \u2192 "Two"',
        ),
        (
            "The mortar attack injured one of the soldiers.",
            "The mortar attack injured two of the soldiers.",
            '"one" \u2192 "two"',
        ),
    ],
)
def test_one_replaced_by_a_figure_is_shown_against_it(old: str, new: str, explanation: str) -> None:
    assert _numbers(old, new) == [explanation]
