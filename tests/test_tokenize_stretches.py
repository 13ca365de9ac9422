"""Tokenizing a stretch of paragraphs at a time gives the units of one pass."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

import core.engine.tokens as tokens_module
from core.engine.tokens import Tokens, tokenize

SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"

TEXTS = [
    *(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))),
    # dashes next to paragraph breaks, a dash between two stretches' words
    "One word -\n\nnext paragraph - here.\n\n- item\n\n- item two\n\nend - of - text",
    "公布了新的法律。\n\n第二段，公布-公布。\n\nＡＢＣ１２３ and ＡＢＣ－１２３.",
    "no blank line at all, just one long paragraph " * 40,
    "\n\n\n\nstarts and ends with blank lines\n\n\n\n",
]


def _fields(t: Tokens) -> tuple[list[int], list[int], tuple[str, ...], tuple[int, ...], object]:
    return list(t.starts), list(t.ends), t.keys, t.words, t.counted


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("stretch", [1, 7, 64])
def test_stretches_give_the_units_of_one_pass(
    text: str, stretch: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = _fields(tokenize(text))
    monkeypatch.setattr(tokens_module, "STRETCH", stretch)
    if stretch == 1:
        assert len(list(tokens_module.paragraph_stretches(text))) > 1 or "\n\n" not in text[1:]
    assert _fields(tokenize(text)) == whole


def test_stretches_cover_the_text_at_blank_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n\n".join(f"Paragraph {k} of words. " * 12 for k in range(20))
    monkeypatch.setattr(tokens_module, "STRETCH", 200)
    spans = list(tokens_module.paragraph_stretches(text))
    assert len(spans) > 3
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(b == c for (_, b), (c, _) in pairwise(spans))
    assert all(text.startswith("\n\n", b) for _, b in spans[:-1])


def test_equal_keys_are_one_string() -> None:
    t = tokenize("Rain and rain and RAIN.")
    assert t.keys[0] is t.keys[2] is t.keys[4]
