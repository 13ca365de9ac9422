"""``layout_free`` gives what its plain definition gives: every run of whitespace one
space, and a line broken after a hyphen joined."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from core.engine.opspans import layout_free

PIECES = [
    " ",
    "  ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\x85",
    "\u2028",
    "\u2029",
    "\x0b",
    "\xa0",
    "\u3000",
    "-",
    "\u2010",
    "\u2011",
    "a",
    "word",
]


def _plain(raw: str) -> str:
    joined = re.sub(r"(?<=[-\u2010\u2011])[^\S\r\n]*(?:\r\n?|[\n\x85\u2028])\s*", "", raw)
    return re.sub(r"\s+", " ", joined)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14))
def test_layout_free_as_its_plain_definition(pieces: list[str]) -> None:
    raw = "".join(pieces)
    assert layout_free(raw) == _plain(raw)


def test_layout_free_examples() -> None:
    assert layout_free("eight-\nminute  walk\n") == "eight-minute walk "
    assert layout_free("a \u2010 \r\n  b") == "a \u2010b"
    assert layout_free("one two") == "one two"
