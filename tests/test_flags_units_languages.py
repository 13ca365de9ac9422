"""A currency or unit changed beside the same digits, in other languages.

Seen by a multilingual editor (session 16), all unflagged: "2 milhões de euros" ->
"de dólares", "млн рублей" -> "млн долларов", "1234億円" -> "1234億ドル", "40
tonnellate" -> "40 chili", "30 м/с" -> "30 км/ч", "5 proc." -> "5 pkt proc.".
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
    ("old", "new", "explanation"),
    [
        (
            "O contrato vale 2 milhões de euros, segundo a empresa.",
            "O contrato vale 2 milhões de dólares, segundo a empresa.",
            '"2 milhões de euros" \u2192 "2 milhões de dólares"',
        ),
        (
            "Ущерб оценивается в 1 234,5 млн рублей.",
            "Ущерб оценивается в 1 234,5 млн долларов.",
            '"1 234,5 млн рублей" \u2192 "1 234,5 млн долларов"',
        ),
        (
            "被害額は1234億円に上った。",
            "被害額は1234億ドルに上った。",
            '"1234億円" \u2192 "1234億ドル"',
        ),
        (
            "Sono state sequestrate 40 tonnellate di droga.",
            "Sono state sequestrate 40 chili di droga.",
            '"40 tonnellate" \u2192 "40 chili"',
        ),
        (
            "Скорость ветра достигала 30 м/с.",
            "Скорость ветра достигала 30 км/ч.",
            '"30 м/с" \u2192 "30 км/ч"',
        ),
    ],
)
def test_another_unit_is_flagged(old: str, new: str, explanation: str) -> None:
    assert _numbers(old, new) == [explanation]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("O prejuízo foi de 2,5 milhões de reais.", "O prejuízo foi de R$ 2,5 milhões."),
        ("Ущерб оценивается в 1 234,5 млн рублей.", "Ущерб оценивается в 1234,5 млн рублей."),
    ],
)
def test_the_same_unit_written_otherwise_is_no_change(old: str, new: str) -> None:
    assert _numbers(old, new) == []
