"""The one place where code-point offsets become Qt positions (UTF-16 units).

Python indexes strings by code point; ``QTextDocument`` counts UTF-16 units, so every
character outside the Basic Multilingual Plane (emoji, many CJK extensions) takes two
positions in Qt and one in Python. ``Utf16Index`` converts both ways in O(log n)
using the sorted positions of those characters only (texts without any cost nothing).

``display_text`` makes a span safe and visible in a pane without changing its length
in either unit: line breaks become U+2028 (so one span stays one Qt block), control,
zero-width and bidi-override characters become visible symbols.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_LINE_SEPARATOR = "\u2028"
_HIDDEN_MARK = "\u00b7"


def _display_table() -> dict[int, str]:
    table = {c: chr(0x2400 + c) for c in range(0x20) if chr(c) not in "\t\r\n"}
    table[0x7F] = "\u2421"
    for c in (0x0B, 0x0C, 0x85, 0x2029):
        table[c] = _LINE_SEPARATOR
    bidi = [0x061C, *range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
    for c in [*bidi, 0xFEFF]:
        table[c] = _HIDDEN_MARK
    return table


_TABLE = _display_table()
# Most texts hold none of the table's characters: a search is far cheaper than
# translating every character through a dict.
_SPECIAL = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_TABLE)) + "]")


def display_text(text: str) -> str:
    """Return ``text`` as shown in a pane: same length in code points and UTF-16 units.

    A CR LF pair shows as one line break (the CR becomes a zero-width space).
    """
    shown = text.translate(_TABLE) if _SPECIAL.search(text) else text
    if "\r" in shown:
        shown = shown.replace("\r\n", "\u200b\n").replace("\r", _LINE_SEPARATOR)
    return shown.replace("\n", _LINE_SEPARATOR)


class Utf16Index:
    """Converts offsets of one text between code points and UTF-16 units."""

    __slots__ = ("_astral", "_astral_utf16", "length")

    @property
    def astral(self) -> bool:
        """Whether the text holds characters outside the Basic Multilingual Plane."""
        return bool(self._astral)

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_utf16 = [cp + i for i, cp in enumerate(self._astral)]
        self.length = len(text)

    def to_utf16(self, offset: int) -> int:
        """UTF-16 position of code-point ``offset``."""
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def to_code_point(self, position: int) -> int:
        """Code-point offset of UTF-16 ``position`` (inside a surrogate pair: its start)."""
        if not self._astral:
            return position
        return position - bisect_left(self._astral_utf16, position)


def utf16_length(text: str) -> int:
    """Number of UTF-16 units of ``text``."""
    return len(text) + sum(1 for _ in _ASTRAL.finditer(text))
