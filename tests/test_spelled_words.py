"""The compiled path's spelled words (``core/flags/spelled_words.c``) against the
Python it stands in for (``core.flags.names.spelled_in_python``: the text's tokens by
white space, their edges' punctuation stripped); and the definitions found only at
quotation marks (``names._definitions``) against the expression's own scan.

Without a build (``make native``) the C tests skip: the pure path is the Python
itself. ``make test-native`` (CI) runs them.
"""

from __future__ import annotations

import random
from itertools import repeat

import pytest

from core.engine import native
from core.flags import names
from tests.kernels import kernel_or_skip


def _c_spelled() -> object:
    return kernel_or_skip(names.spelled_words, names.spelled_in_python, "spelled words")


def test_the_compiled_path_finds_spelled_words_in_c() -> None:
    assert (names.spelled_words is not names.spelled_in_python) == native.status()[0]


def test_the_python_strips_each_token_of_its_edges() -> None:
    text = '"Hello," she said -- (the apple) \u201capple\u201d\u2026 \u2014 ... Apple.'
    assert names.spelled_in_python(text) == {
        "Hello",
        "she",
        "said",
        "--",
        "",
        "the",
        "apple",
        "Apple",
    }


_PIECES = [
    "apple",
    "Apple",
    "APPLE",
    "the",
    "said",
    "\u00e9t\u00e9",
    "na\u00efve",
    "\u0416\u0443\u043a",
    "\u4e2d\u6587",
    "\U0001f600",
    "e\u0301",
    "x",
    "'",
    '"',
    "(",
    ")",
    ".",
    ",",
    "\u2014",
    "\u2013",
    "\u2026",
    "\u201c",
    "\u201d",
    "\u2018",
    "\u2019",
    "\u00ab",
    "\u00bb",
    "\u201e",
    "-",
    "*",
    "_",
    "/",
    "\\",
    "|",
    "`",
    "~",
    "<",
    ">",
    "[",
    "]",
    "{",
    "}",
    "?",
    "!",
    ";",
    ":",
]
_SPACES = [
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\t",
    "\r\n",
    "\u00a0",
    "\u2009",
    "\u3000",
    "\x0b",
    "\x1c",
    "\x85",
    "\u2028",
    "  ",
]


def _token(rng: random.Random) -> str:
    return "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 4)))


def _text(rng: random.Random, tokens: int, pieces: list[str] | None = None) -> str:
    chosen = _PIECES if pieces is None else pieces
    return "".join(
        "".join(rng.choice(chosen) for _ in range(rng.randint(1, 4))) + rng.choice(_SPACES)
        for _ in range(tokens)
    )


def test_the_c_finds_the_words_the_python_finds() -> None:
    spelled = _c_spelled()
    rng = random.Random(7)
    for size in (0, 1, 2, 5, 50, 500, 5_000):
        for _ in range(30 if size < 5_000 else 3):
            text = _text(rng, size)
            if rng.random() < 0.3:  # a leading or trailing run of white space
                text = rng.choice(_SPACES) + text.rstrip()
            assert spelled(text) == names.spelled_in_python(text), text  # type: ignore[operator]


def test_the_c_reads_narrow_and_wide_texts_alike() -> None:
    spelled = _c_spelled()
    rng = random.Random(11)
    latin1 = [p for p in _PIECES if max(map(ord, p)) < 256]
    bmp = [p for p in _PIECES if max(map(ord, p)) < 0x10000]
    for pieces in (latin1, bmp, _PIECES):
        for _ in range(20):
            text = _text(rng, 400, pieces)
            assert spelled(text) == names.spelled_in_python(text)  # type: ignore[operator]


def test_the_c_keeps_every_distinct_word_of_a_large_vocabulary() -> None:
    spelled = _c_spelled()
    # Far more distinct words than the table's first size: it grows, nothing lost.
    words = [f"w{k}" for k in range(60_000)]
    text = " ".join(words + words[::-1]) + " (w1) w2, \u201cw3\u201d"
    found = spelled(text)  # type: ignore[operator]
    assert found == set(words) and found == names.spelled_in_python(text)


def test_the_c_strips_only_the_edges_it_is_given() -> None:
    _c_spelled()
    from core.flags.spelled_words import spelled  # type: ignore[import-not-found,unused-ignore]

    text = "((a)) \u00abb\u00bb -c- d\u2026 \u2026"
    for edges in ("", "()", "-\u2026", "\u00ab\u00bb()-\u2026"):
        assert spelled(text, edges) == set(map(str.strip, text.split(), repeat(edges)))


def test_the_c_refuses_what_is_not_text() -> None:
    _c_spelled()
    from core.flags.spelled_words import spelled  # type: ignore[import-not-found,unused-ignore]

    with pytest.raises(TypeError):
        spelled(b"bytes", "")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        spelled("text")  # type: ignore[call-arg]


def test_definitions_are_those_the_expression_finds() -> None:
    rng = random.Random(3)
    pieces = [
        '"Covered Code" means',
        "\u201cLinked Version\u201d is",
        "called the ",
        '"Application"',
        '"',
        "\u201c",
        "\u201d",
        "The",
        "Work",
        "shall",
        "refers",
        "(the \u201cAct\u201d)",
        "means",
        "a",
        "is",
        "Licensed Program",
        ",",
    ]
    for _ in range(300):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        expected = [(m.span(), m.groups()) for m in names._DEFINITION.finditer(text)]
        assert [(m.span(), m.groups()) for m in names._definitions(text)] == expected, text
