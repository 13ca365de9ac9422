"""The words next to a position (``core.flags.pooled.neighbour``) and a piece of a
sentence (``core.flags.detect._cut``), read with str methods, against the regular
expressions they stand for, on random text of letters, digits, spaces, quotes and
stops from many scripts."""

from __future__ import annotations

import random
import re

from core.flags.detect import _cut
from core.flags.pooled import neighbour

ALPHABET = "ab Zé_9²½ .,;:!?\"'\u201d\u2019)(-\n\t\u00a0\u2003Жж中٣"


def _before(text: str, pos: int) -> str:
    m = re.search(r"(\w+)[^\w.!?;:]*$", text[max(0, pos - 40) : pos])
    return m.group(1).casefold() if m else ""


def _after(text: str, pos: int) -> str:
    m = re.match(r"[^\w.!?;:]*(\w+)", text[pos : pos + 40])
    return m.group(1).casefold() if m else ""


def test_neighbour_reads_as_the_expressions_did() -> None:
    rng = random.Random(32)
    for _ in range(20000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 70)))
        pos = rng.randint(0, len(text))
        assert neighbour(text, pos, -1) == _before(text, pos), (text, pos)
        assert neighbour(text, pos, 1) == _after(text, pos), (text, pos)


def test_a_piece_of_a_sentence_as_the_expression_read_it() -> None:
    rng = random.Random(33)
    for _ in range(20000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 30)))
        start = rng.randint(0, len(text))
        span = (start, rng.randint(start, len(text)))
        want = not re.search('[.!?"\u201d\u2019)]\\s*$', text[span[0] : span[1]])
        assert _cut(text, span) == want, (text, span)


def test_words_across_a_sentence_stop_are_not_neighbours() -> None:
    text = "He said: Reuters reported. Then"
    assert neighbour(text, text.index("Reuters"), -1) == ""
    assert neighbour(text, text.index(" Then"), -1) == ""
    assert neighbour(text, text.index("said") + 4, 1) == ""
    assert neighbour(text, text.index("Reuters"), 1) == "reuters"
    assert neighbour(text, text.index(" reported"), -1) == "reuters"
