"""The tokenizer's bulk paths give what the one-by-one definitions give.

Plain ASCII words are keyed and weighed in bulk, the characters beyond ASCII are found
through UTF-8, and offsets are packed into arrays in one call: each is checked against
the plain definition on random text.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import core.engine.tokens as tokens_module
from core.engine.normalize import normalize_token
from core.engine.tokens import Tokens, has_cjk, int_array, tokenize

# Letters, digits, marks, format characters, dashes, quotes, Han, kana, full-width
# forms, a lone surrogate, spaces and line breaks: what the paths tell apart.
ALPHABET = list(
    "aZ9_é'-.,!? \n\t\u0301\u200b\u2019\u2014\u201c公布。カ\u3099ＡＢ１－\ud800Ωß\u00ad"
)
texts = st.text(alphabet=st.sampled_from(ALPHABET), max_size=60)


def _learn_one_by_one(self: tokens_module._Spellings, raws: list[str]) -> None:
    """The plain definition: every new spelling normalized and weighed by itself."""
    for raw in set(raws).difference(self.key_of):
        key = normalize_token(raw, fold_case=self.fold_case)
        self.key_of[raw] = self.keys.setdefault(key, key)
        self.words_of[raw] = tokens_module._unit_words(raw)


def _fields(t: Tokens) -> tuple[list[int], list[int], tuple[str, ...], tuple[int, ...], object]:
    return list(t.starts), list(t.ends), t.keys, t.words, t.counted


@settings(max_examples=400, deadline=None)
@given(texts, st.booleans())
def test_spellings_learned_in_bulk_as_one_by_one(text: str, fold_case: bool) -> None:
    bulk = _fields(tokenize(text, fold_case=fold_case))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tokens_module._Spellings, "learn", _learn_one_by_one)
        assert _fields(tokenize(text, fold_case=fold_case)) == bulk


@settings(max_examples=400, deadline=None)
@given(texts)
def test_characters_beyond_ascii_found_through_utf8(text: str) -> None:
    found = tokens_module.non_ascii(text)
    assert found == {c for c in text if ord(c) > 0x7F}
    marks = tokens_module._marks_in(found)
    assert marks == {c for c in found if unicodedata.category(c) in ("Mn", "Mc", "Me", "Cf")}
    wide = bool(found) and max(found) >= tokens_module.WIDE_FROM
    assert wide == tokens_module.has_wide(text)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_cjk_judged_as_the_class_finds_it(text: str) -> None:
    # (judged from the distinct characters beyond ASCII, not the whole text)
    assert has_cjk(text) == (re.search(f"[{tokens_module.CJK_CHARS}]", text) is not None)


@pytest.mark.parametrize(
    "text",
    [
        "plain",
        "4258\U0001d465 + 147\U0001d466 = 369",  # (wide: mathematical letters, no Han)
        "\U0001f600 caf\u00e9",
        "\uff01 full-width mark",
        "x\u4e00y",
        "\u3042 kana",
        "\U0001d465" * 1000 + "\u9fff",
        "\U00020000 a Han character beyond the first plane",
    ],
)
def test_cjk_among_wide_characters(text: str) -> None:
    assert has_cjk(text) == (re.search(f"[{tokens_module.CJK_CHARS}]", text) is not None)


@given(st.lists(st.integers(min_value=-(2**63), max_value=2**63 - 1), max_size=50))
def test_int_array_holds_the_numbers(numbers: list[int]) -> None:
    packed = int_array(numbers)
    assert packed.typecode == "q"
    assert list(packed) == numbers
