"""How ``core.flags.figure_words._values`` reads a sentence's figures by value: its
tokens found without match objects, and its scales looked for only where a number can
have one, give what the expression's own scan gives."""

from __future__ import annotations

import random
import re

import pytest

from core.engine.tokens import compiled, found_where
from core.flags import figure_words

VOCABULARY = (
    "the a one two 3 1.5 million bn 2,000 k m b 30m 3.5bn $100k \u00a32.1m 4 :30 21 000 mil "
    "Mio Mrd. Milliarden 2 \u043c\u043b\u0440\u0434 \u043f\u0456\u0432 "
    "\u043c\u0456\u043b\u044c\u044f\u0440\u0434\u0430 10 November 2025 Jan 5 forty-six "
    "thousand twenty one million's MILLION 1:30 A380 x_3 3x2 \u0663 \u00bd 5% _7 hundred, "
    "\u2019s l\u2019an 2\u202f000 km kms"
).split()


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    joins = [" ", " ", "", "-", "\u00a0", ", "]
    return [
        "".join(rng.choice(VOCABULARY) + rng.choice(joins) for _ in range(rng.randint(1, 10)))
        for _ in range(count)
    ]


def test_the_tokens_stand_where_the_expression_finds_them() -> None:
    pattern = compiled(figure_words._TOKENS)
    texts = _texts(1, 5000)
    rng = random.Random(4)
    texts += ["".join(chr(rng.randint(32, 126)) for _ in range(40)) for _ in range(3000)]
    for text in texts:
        for form in (text, text.lower(), text.casefold()):
            expected = [(m.start(), m.group()) for m in pattern.finditer(form)]
            assert found_where(pattern, form) == expected, form
            if form.isascii():  # (ASCII's classes there: the same tokens)
                assert found_where(compiled(figure_words._ASCII_TOKENS), form) == expected


@pytest.mark.parametrize("seed", [2, 3])
def test_no_scale_is_found_where_no_number_can_have_one(seed: int) -> None:
    # (``_values`` reads the scales only where a number may have one: where none may,
    # the scales' expression must find nothing, whatever the case and the spacing)
    scaled = compiled(figure_words._SCALED)
    found = 0
    for text in _texts(seed, 8000):
        for form in (text.lower(), text.casefold()):
            tokens = found_where(compiled(figure_words._TOKENS), form)
            may = any(
                figure_words._scale_may_follow(tokens, i)
                for i, (_, token) in enumerate(tokens)
                if token[0].isdecimal()
            )
            found += may
            if not may:
                assert scaled.search(form) is None, form
    assert found > 1000  # (the texts hold numbers with scales, and without)


def test_values_read_scales_and_times_as_before() -> None:
    values = figure_words._values
    assert values("it cost 1.5 million") == values("it cost 1,500,000")
    assert values("$3.5bn in sales") == values("$3,500,000,000 in sales")
    assert values("a 2.1m vote", True) == values("a 2,100,000 vote", True)
    assert values("at 4 :30 today") == values("at 4:30 today")
    assert values("1.5 million's worth") == values("1,500,000's worth")
    assert not re.search(r"\d", "".join(values("no figure here")))
