"""A quotation put into house spelling, British or American, is no quote changed.

Seen by a wire-desk editor (session 16): 'Republicans said she was "too close to
organized labor."' -> '... "too close to organised labour."' raised a quote flag.
"""

from __future__ import annotations

import pytest

from core.engine.compare import compare
from core.flags.detect import flag_comparison
from core.flags.spellings import one_spelling
from core.text.document import document_from_text


def _quotes(old: str, new: str) -> list[str]:
    result = compare(document_from_text(old, "old"), document_from_text(new, "new"))
    return [f.explanation for f in flag_comparison(result) if f.kind == "quote"]


def test_house_spelling_inside_a_quote_is_no_change() -> None:
    old = 'Republicans said she was "too close to organized labor."\n'
    new = "Republicans said she was \u201ctoo close to organised labour.\u201d\n"
    assert _quotes(old, new) == []


def test_another_word_inside_a_quote_is_still_flagged() -> None:
    old = 'Republicans said she was "too close to organized labor."\n'
    new = 'Republicans said she was "too close to organized crime."\n'
    assert _quotes(old, new) == ['"labor" \u2192 "crime" inside a quote']


@pytest.mark.parametrize(
    ("uk", "us"),
    [
        ("labour", "labor"),
        ("organised", "organized"),
        ("centre", "center"),
        ("metres", "meters"),
        ("travelled", "traveled"),
        ("catalogue", "catalog"),
        ("defence", "defense"),
        ("analysed", "analyzed"),
        ("programme", "program"),
    ],
)
def test_one_spelling(uk: str, us: str) -> None:
    assert one_spelling(uk) == one_spelling(us)


@pytest.mark.parametrize(("a", "b"), [("four", "for"), ("filled", "filed"), ("hour", "hor")])
def test_other_words_stay_apart(a: str, b: str) -> None:
    assert one_spelling(a) != one_spelling(b)
