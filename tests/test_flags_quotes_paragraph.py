"""The paragraph around a change, as the quotation check finds it (``paragraph_around``).

It is found with one pattern forward and backward in growing windows; these tests
hold it to the line-by-line rule it replaced, and to one pass over a paragraph of
many short lines.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

import core.flags.quotes as quotes
from core.flags.quotes import paragraph_around

_ENDS = frozenset('.!?:"\u201d\u00bb\u2019)]')
_BLANK_AFTER = re.compile(r"[^\S\n]*\n")


def _break_at(text: str, newline: int) -> bool:
    """The rule: a blank line next to the break, or a sentence's end before it."""
    j = newline - 1
    while j >= 0 and text[j] in " \t\r\f\v":
        j -= 1
    if j < 0 or text[j] == "\n" or text[j] in _ENDS:
        return True
    return _BLANK_AFTER.match(text, newline + 1) is not None


def _line_by_line(text: str, pos: int) -> tuple[int, int]:
    start, at = 0, pos
    while (newline := text.rfind("\n", 0, at)) >= 0:
        if _break_at(text, newline):
            start = newline + 1
            break
        at = newline
    end, at = len(text), pos
    while (newline := text.find("\n", at)) >= 0:
        if _break_at(text, newline):
            end = newline
            break
        at = newline + 1
    return start, end


_TEXT = st.text(alphabet=st.sampled_from(list("ab .\n\n\t\r\"')]\u00a0\f\u2019")), max_size=40)


@given(_TEXT, st.data(), st.sampled_from([0, 1, 2, 64]))
@settings(max_examples=2000, deadline=None)
def test_paragraph_is_found_as_the_line_by_line_rule_finds_it(
    text: str, data: st.DataObject, walk: int
) -> None:
    # With a short walk, the pattern and the growing windows find the ends.
    pos = data.draw(st.integers(0, len(text)))
    saved = quotes._WALK_LINES
    quotes._WALK_LINES = walk
    try:
        assert paragraph_around(text, pos) == _line_by_line(text, pos)
    finally:
        quotes._WALK_LINES = saved


def test_long_paragraphs_are_crossed_in_growing_windows() -> None:
    lines = [f"line {i % 977}" for i in range(30_000)]
    text = "Title.\n" + "\n".join(lines) + ".\nNext paragraph\n"
    for pos in (10, len(text) // 3, len(text) - 30):
        assert paragraph_around(text, pos) == _line_by_line(text, pos)
    assert paragraph_around(text, len(text) // 2) == (7, text.index(".\nNext") + 1)


class _CountingPattern:
    """A pattern that adds up how many characters its searches were given."""

    def __init__(self, pattern) -> None:
        self.pattern = pattern
        self.read = 0

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else endpos
        self.read += max(0, end - pos)
        return self.pattern.search(text, pos, end)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else endpos
        self.read += max(0, end - pos)
        return self.pattern.finditer(text, pos, end)


def test_a_paragraph_of_many_changes_is_read_for_quote_marks_once(monkeypatch) -> None:
    # One paragraph of 20,000 short lines with 200 changed: each change asked again
    # from the paragraph's start whether a quote mark stood before it (64 s of
    # flags for 400 changes in a million lines).
    from core.engine.compare import compare
    from core.flags.detect import flag_comparison
    from core.model import Document

    old = "".join(f"line {i % 977}\n" for i in range(20_000))
    chars = list(old)
    for k in range(1, 200):
        at = len(chars) * k // 200
        chars[at : at + 3] = "XyZ"
    comparison = compare(Document("old", old), Document("new", "".join(chars)))
    counting = _CountingPattern(quotes._SCANNED)
    monkeypatch.setattr(quotes, "_SCANNED", counting)
    flag_comparison(comparison)
    assert counting.read <= 2 * (len(old) + len(chars))
