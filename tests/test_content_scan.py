"""The compiled path's content words (``core/flags/content_scan.c``) against the Python
they stand in for (``core.flags.pooled.content_words_in_python``: ``WORD`` on the text
folded, function words and single letters dropped, each word's first five letters).

Without a build (``make native``) the C is absent and its tests skip: the pure path is
the Python itself. ``make test-native`` (CI) runs them.
"""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from core.engine import native
from core.flags import pooled
from core.flags.pooled import content_words, content_words_in_python
from tests.conftest import CONDENSED, FULL, UNRELATED
from tests.kernels import kernel_or_skip


def _scan() -> object:
    return kernel_or_skip(pooled._content_in_c, None, "content scan")


def _alike(text: str) -> None:
    scan = _scan()
    found = scan(text, pooled._FUNCTION, pooled._MONTHS, pooled._SAYING)  # type: ignore[operator]
    expected = content_words_in_python(text)
    assert found is None or found == expected, text
    assert content_words(text) == expected, text


def test_the_compiled_path_reads_content_words_in_c() -> None:
    assert (pooled._content_in_c is not None) == native.status()[0]


_PIECES = [
    "a",
    "B",
    "x",
    "_",
    "7",
    "19",
    "2023",
    " ",
    " ",
    ".",
    ",",
    ":",
    "-",
    "'",
    "\u2019",
    "(",
    '"',
    "Said",
    "DEC",
    "sept",
    "the",
    "of",
    "Brothers",
    "well-known",
    "1,500.25",
    "3.5bn",
    "1990-91",
    "3-2",
    "covid-19",
    "19-year-old",
    "it's",
    "O'Neil",
    "--",
    "..",
    "1.",
    ",5",
    "e\u0301",
    "\u00e9t\u00e9",
    "\u2010",
    "\u2011",
    "\u2012",
    "\u2013",
    "\u2212",
    "\u2026",
    "\u201c",
    "\u00a0",
    "\u0345",
    "\u3000",
    "\uff0c",
    "\U0001f600",
]


@settings(max_examples=4000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=24))
def test_the_same_words_as_the_expression(pieces: list[str]) -> None:
    _alike("".join(pieces))


def test_the_same_words_in_real_sentences() -> None:
    # Every sentence, line and paragraph of the bundled articles, and random cuts of
    # them (a block's text starts and ends anywhere).
    rng = random.Random(29)
    for path in (CONDENSED, FULL, UNRELATED):
        text = path.read_text(encoding="utf-8")
        for piece in (*text.split("\n\n"), *text.splitlines(), *text.split(". ")):
            _alike(piece)
        for _ in range(300):
            start = rng.randrange(len(text))
            _alike(text[start : start + rng.randrange(1, 400)])
    _alike("")
    _alike("x" * 300 + " Said the MAN-of-war's 12:30 report, 1,000.5 times.")  # (past 256)


def test_numbers_joined_by_a_hyphen_are_left_to_the_python() -> None:
    scan = _scan()
    args = (pooled._FUNCTION, pooled._MONTHS, pooled._SAYING)
    assert scan("Scores of 3-2 and 1990-91.", *args) is None  # type: ignore[operator]
    assert scan("A 19-year-old said so.", *args) == content_words_in_python(  # type: ignore[operator]
        "A 19-year-old said so."
    )
