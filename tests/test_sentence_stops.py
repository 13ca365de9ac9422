"""The compiled path's sentence ends at stops (``core/engine/sentence_stops.c``) against
the Python it stands in for (``core.engine.segment._stop_boundaries``: ``_TERMINATOR``
and ``_ends_sentence``).

Without a build (``make native``) the C is absent and these tests skip: the pure path
is the Python itself. ``make test-native`` (CI) runs them.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from core.engine import native, segment
from tests.kernels import kernel_or_skip

ROOT = Path(__file__).resolve().parent.parent

# Stops, closers, openers, spaces and line breaks, capitals, digits, letters beyond
# ASCII (one that lowers to two characters), and the words the lists hold.
PALETTE = list(".!?\u2026\"')]([\u201c\u2018\u201d\u2019 \n\r\t\u00a0-\u2022aZ9\u00c9\u0130\u03a3")
WORDS = [
    "Mr",
    "mr",
    "etc",
    "Calif",
    "U.S",
    "J",
    "10",
    "am",
    "Sc.D",
    "Inc",
    "word",
    "x" * 45,
    "a.b.c" * 10,
    "November",
    "Dr",
    "No",
    "ph.d",
    "i",
]


def _python(text: str) -> list[int]:
    found: set[int] = set()
    segment._stop_boundaries(text, found)
    return sorted(found)


def _c() -> object:
    return kernel_or_skip(segment._stop_starts_in_c, None, "sentence stops")


def _in_c(text: str) -> list[int]:
    stop_starts = segment._stop_starts_in_c
    assert stop_starts is not None
    return sorted(
        stop_starts(
            text,
            segment._ABBREVIATIONS,
            segment._STATES,
            segment._LOWERCASE_CONTINUES,
            segment._DATELINE_AFTER,
            segment._DOTTED_LETTERS.fullmatch,
            segment._month_after,
        )
    )


def test_the_compiled_path_finds_sentence_ends_in_c() -> None:
    assert (segment._stop_starts_in_c is not None) == native.status()[0]


@pytest.mark.parametrize(
    "text",
    [
        "",
        ".",
        "Hi. There",
        "Mr. Smith went. He said no. (AP) - etc. and so on.",
        "CLEARBROOK, Minn. (AP) - based in Superior, Wis. The pipe",
        "am 10. November 2025 war. Dann",
        "Edgerton, Sc.D. (1903-1990) wrote. Then",
        "J. Smith met A. B. Jones... Then? Yes! \u201cNo.\u201d She left.) Next",
        "\u201c(..Start. Go",
        "x" * 60 + ". Next " + "y.z" * 30 + ". Then",
        "\u0130STANBUL. Yes. \u00c9T\u00c9. Non",
        "a\r\nb. C\td. E",
    ],
)
def test_the_stops_of_examples(text: str) -> None:
    _c()
    assert _in_c(text) == _python(text)


def test_the_stops_of_random_text() -> None:
    _c()
    rng = random.Random(2512)
    for _ in range(20000):
        parts = [
            rng.choice(WORDS) if rng.random() < 0.3 else rng.choice(PALETTE)
            for _ in range(rng.randrange(40))
        ]
        text = "".join(parts)
        assert _in_c(text) == _python(text), text


def test_the_stops_of_real_text() -> None:
    _c()
    for path in sorted((ROOT / "resources" / "samples").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for variant in (text, text.replace("\n", "\r\n"), text.upper(), text.title()):
            assert _in_c(variant) == _python(variant), path.name


def test_text_without_spaces_is_looked_for_among_its_distinct_characters() -> None:
    # (the class searched over the whole text took 5 ms a megabyte)
    from core.engine.tokens import matched_among, non_ascii

    def holds_wide(text: str, pattern: str) -> bool:
        return matched_among(non_ascii(text), pattern)

    pattern = segment._CJK_OR_STOP
    assert not holds_wide("plain text", pattern)
    assert not holds_wide("4258\U0001d465 + 147\U0001d466 \u00e9", pattern)  # wide, no CJK
    assert holds_wide("a\u3002b", pattern)  # a stop alone
    assert holds_wide("\U0001d465 \u4e2d", pattern)
    found: set[int] = set()
    segment._punctuation_boundaries("\u4e2d\u6587\u3002\u65e5\u672c", found)
    assert found == {3}
    found.clear()  # (the wide characters given, as the engine gives them)
    text = "\u4e2d\u6587\u3002\u65e5\u672c"
    segment._punctuation_boundaries(text, found, set(text))
    assert found == {3}
