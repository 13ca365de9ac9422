"""``core.flags.name_changes.words_before``: where a surname stands and what stands
before it, found with ``str`` methods, as the expression it replaces finds them."""

from __future__ import annotations

import random
import re

from core.flags.name_changes import words_before


def _expression(word: str, text: str) -> list[str]:
    return [m.group(1) or "" for m in re.finditer(rf"(?:(\S+)\s+)?{re.escape(word)}\b", text)]


def test_what_stands_before_a_surname() -> None:
    assert words_before("Sunak", "Mr Sunak said, and Sunak left.") == ["Mr", "and"]
    assert words_before("Sunak", "Sunak said") == [""]
    assert words_before("Sunak", "(Sunak said)") == [""]  # (no white space before it)
    assert words_before("Sunak", "Sunaks and Sunak's") == ["and"]  # (a word's edge after)
    assert words_before("Truss", "succeeds\u00a0Truss") == ["succeeds"]  # (any white space)


def test_a_run_before_white_space_and_the_word_is_one_match_with_it() -> None:
    # The expression opens at the first place it can: the run before the second
    # "Sunak" holds the first, so the two are one match.
    assert words_before("Sunak", "Sunak Sunak") == ["Sunak"]
    assert words_before("Sunak", "xSunak Sunak") == ["xSunak"]
    assert words_before("Sunak", "Sunak.Sunak. Sunak") == ["Sunak.Sunak."]
    assert words_before("Sunak", "Sunak Sunak Sunak") == ["Sunak", ""]


def test_random_texts_as_the_expression_finds_them() -> None:
    rng = random.Random(3)
    alphabet = [
        *"aAb1_.,'(-\u2019\u00e9  \n\u00a0\t\u2028",
    ]
    words = ["a", "ab", "aa", "Ab", "a.", ".a", "a_b", "\u00e9", "a-b", "'a", "ba", "a'", "1", "-"]
    for _ in range(40_000):
        word = rng.choice(words)
        text = "".join(rng.choice([*alphabet, word, word]) for _ in range(rng.randrange(16)))
        assert words_before(word, text) == _expression(word, text), (word, text)


def test_a_word_with_white_space_is_left_to_the_expression() -> None:
    for word, text in [("New York", "in New York and New  York"), ("", "a b")]:
        assert words_before(word, text) == _expression(word, text)
