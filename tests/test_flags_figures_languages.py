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
