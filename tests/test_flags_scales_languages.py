"""A figure's scale word in other languages: million against billion flags, the
same value written otherwise does not.

Seen by a multilingual editor (session 16): "2 milioni" -> "2 miliardi di euro",
"miljoen" -> "miljard", "mln zł" -> "mld zł", "млн" -> "млрд", "miljoner" ->
"miljarder" raised nothing; "2 млрд" -> "2 миллиарда" raised 'added "миллиарда"',
"3 mil hectares" -> "3000 hectares" raised '"3" -> "3000"', and "41 000 pessoas" ->
"41 mil mortes" told the editor the toll was removed. A ua-gec proofreader's
"півмільярда" -> "пів мільярда" (half a billion) is the same figure.
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
            "I danni ammontano a 2 milioni di euro.",
            "I danni ammontano a 2 miliardi di euro.",
            '"milioni" \u2192 "miliardi"',
        ),
        (
            "De schade bedraagt 2,5 miljoen euro.",
            "De schade bedraagt 2,5 miljard euro.",
            '"miljoen" \u2192 "miljard"',
        ),
        ("Straty wyniosły 2 mln zł.", "Straty wyniosły 2 mld zł.", '"mln" \u2192 "mld"'),
        ("Ущерб превысил 2 млн рублей.", "Ущерб превысил 2 млрд рублей.", '"млн" \u2192 "млрд"'),
        (
            "Skadorna uppskattas till 2 miljoner kronor.",
            "Skadorna uppskattas till 2 miljarder kronor.",
            '"miljoner" \u2192 "miljarder"',
        ),
    ],
)
def test_another_scale_is_flagged(old: str, new: str, explanation: str) -> None:
    assert _numbers(old, new) == [explanation]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Ущерб превысил 2 млрд рублей.", "Ущерб превысил 2 миллиарда рублей."),
        (
            "O incêndio destruiu 3 mil hectares a 40 quilómetros de Lisboa.",
            "O incêndio destruiu 3000 hectares a 40 quilómetros de Lisboa.",
        ),
        (
            "Os sismos mataram pelo menos 41 000 pessoas e deixaram mais de 120 000 feridos.",
            "Os sismos causaram pelo menos 41 mil mortes e deixaram mais de 120 mil feridos.",
        ),
        (
            "Skadorna uppskattas till 1 234,5 miljoner kronor.",
            "Skadorna uppskattas till 1234,5 mnkr.",
        ),
        (
            "Бізнеси будуть зруйновані, півмільярда диких тварин вбито.",
            "Бізнеси будуть зруйновані, пів мільярда диких тварин убито.",
        ),
    ],
)
def test_the_same_value_is_no_change(old: str, new: str) -> None:
    assert _numbers(old, new) == []
