"""The compiled path's paragraph scan (``core/engine/paragraph_scan.c``) against the
Python it stands in for (``core.engine.paragraph_anchors.paragraphs_in_python``: the
break pattern's split, each paragraph stripped and spelled without its layout), and its
count of the unchanged paragraphs' words (``core.engine.compare.words_in_python``).

Without a build (``make native``) the C scan is absent and these tests skip: the pure
path is the Python itself. ``make test-native`` (CI) runs them.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from core.engine import compare, native
from core.engine import paragraph_anchors as pa
from core.engine.tokens import CONTRACT_JOINERS
from tests.kernels import kernel_or_skip

ROOT = Path(__file__).resolve().parent.parent

# Every kind of whitespace and line break, the three hyphens (and one the rule does
# not know), letters, a wide character and a non-printable one.
PALETTE = list(
    "ab \u00e9\u4e2d-\u2010\u2011\u2012."
    "\t\n\r\x0b\x0c\x1c\x1f\x85\u2028\u2029\u00a0\u3000\u200b\x01"
)


def _scan() -> object:
    return kernel_or_skip(pa._paragraphs, pa.paragraphs_in_python, "paragraph scan")


def _python(text: str) -> pa.Paragraphs:
    """The Python's paragraphs of ``text``, each spelling as the C scan gives it: hashed."""
    from core.engine.paragraph_scan import spelling_hash  # type: ignore[import-not-found,unused-ignore]

    spans, keys, lengths, words, hyphens = pa.paragraphs_in_python(text)
    return spans, [spelling_hash(k) for k in keys], lengths, words, hyphens


def _fnv(text: str) -> int:
    found = 14695981039346656037
    for c in text:
        found = ((found ^ ord(c)) * 1099511628211) % (1 << 64)
    return found


def test_a_spelling_is_hashed_as_fnv_over_its_code_points() -> None:
    _scan()
    from core.engine.paragraph_scan import spelling_hash  # type: ignore[import-not-found,unused-ignore]

    rng = random.Random(9)
    for _ in range(2_000):
        text = "".join(
            rng.choice([*PALETTE, "\U0001f600", "\u0416"]) for _ in range(rng.randint(0, 30))
        )
        assert spelling_hash(text) == _fnv(text), repr(text)
    assert spelling_hash("ab") != spelling_hash("ba")
    with pytest.raises(TypeError):
        spelling_hash(b"ab")


def test_the_compiled_path_scans_paragraphs_in_c() -> None:
    assert (pa._paragraphs is not pa.paragraphs_in_python) == native.status()[0]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n \r\n ",
        "a\r\nb c\r\n\r\nd",
        "a\n\nb\r\rc\r\n \r\nd\n\u2028e\u2029\u2029f\x85\x85g",
        "a\n \t\nb",
        "a\n\u00a0\u3000b",  # a line break, then spaces: not a blank line
        "a\n\u00a0\u2028b",  # a line separator among the spaces: a blank line
        "eight-\nminute walk\n\nthe \u2010 sign and \u2011\u00a0x\n\nlast-",
        "\n\n\nlead\n\n\n",
        "x\u200by \u00e9\u4e2d  \x01 z",
    ],
)
def test_c_scans_paragraphs_as_the_python_does(text: str) -> None:
    scan = _scan()
    assert scan(text) == _python(text)  # type: ignore[operator]


def test_c_scans_random_text_as_the_python_does() -> None:
    scan = _scan()
    rng = random.Random(3)
    for _ in range(20_000):
        text = "".join(rng.choice(PALETTE) for _ in range(rng.randint(0, 40)))
        assert scan(text) == _python(text), repr(text)  # type: ignore[operator]


def test_c_scans_real_text_as_the_python_does() -> None:
    scan = _scan()
    samples = sorted((ROOT / "resources" / "samples").rglob("*.txt"))
    assert samples
    for path in samples:
        text = path.read_text(encoding="utf-8")
        for variant in (text, text.replace("\n", "\r\n"), text.replace("\n", "\r")):
            assert scan(variant) == _python(variant), path.name  # type: ignore[operator]


def test_long_texts_find_the_same_anchors_on_both_paths() -> None:
    _scan()
    from tests.test_paragraph_anchors import _paragraph_variant

    saved = pa._paragraphs
    for seed in range(40):
        old, new = _paragraph_variant(seed)
        by_c = pa.find_paragraph_anchors(old, new)
        pa._paragraphs = pa.paragraphs_in_python
        try:
            by_python = pa.find_paragraph_anchors(old, new)
        finally:
            pa._paragraphs = saved
        assert by_c == by_python


def _words_in() -> object:
    return kernel_or_skip(compare.words_in_spans, compare.words_in_python, "word count")


def test_the_compiled_path_counts_paragraph_words_in_c() -> None:
    assert (compare.words_in_spans is not compare.words_in_python) == native.status()[0]


def test_c_counts_words_as_the_contract_pattern_does() -> None:
    count = _words_in()
    # Word characters of every kind (letters, digits, the underscore, a Han character,
    # a superscript digit, a combining mark that is not one), each joiner, and others.
    palette = list("ab9_\u4e2d\u00b2\u0301 .,\n") + list(CONTRACT_JOINERS) + ["\uff0d", "--"]
    rng = random.Random(8)
    for _ in range(5_000):
        text = "".join(rng.choice(palette) for _ in range(rng.randint(0, 30)))
        spans = [
            tuple(sorted((rng.randint(0, len(text) + 2), rng.randint(0, len(text) + 2))))
            for _ in range(3)
        ]
        spans.append((0, len(text)))
        got = count(text, spans)  # type: ignore[operator]
        assert got == compare.words_in_python(text, spans), (text, spans)


def test_c_counts_the_words_of_real_paragraphs_as_the_python_does() -> None:
    count = _words_in()
    for path in sorted((ROOT / "resources" / "samples").rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        spans = pa.paragraphs_in_python(text)[0]
        assert count(text, spans) == compare.words_in_python(text, spans)  # type: ignore[operator]


# Every character str.splitlines ends a line at, CR and LF together, and others.
LINE_PALETTE = list("ab \u00e9\u4e2d\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029\u2027\u202a\x01")


def _line_lengths() -> object:
    from core.engine import segment

    return kernel_or_skip(segment.line_lengths, segment.line_lengths_in_python, "line lengths")


def test_the_compiled_path_measures_lines_in_c() -> None:
    from core.engine import segment

    assert (segment.line_lengths is not segment.line_lengths_in_python) == native.status()[0]


@pytest.mark.parametrize(
    "text",
    ["", "\n", "\r\n", "\r\r\n\n", "a", "a\n", "a\r\nb", "a\n\nb\n\n", "\u2029\x85x\x0b\x1e"],
)
def test_the_line_lengths_are_the_lines_of_splitlines(text: str) -> None:
    assert _line_lengths()(text) == [len(line) for line in text.splitlines()]  # type: ignore[operator]


def test_the_line_lengths_on_random_text() -> None:
    lengths = _line_lengths()
    rng = random.Random(25)
    for _ in range(3000):
        text = "".join(rng.choice(LINE_PALETTE) for _ in range(rng.randrange(60)))
        assert lengths(text) == [len(line) for line in text.splitlines()], repr(text)  # type: ignore[operator]


def test_the_line_lengths_of_real_text() -> None:
    lengths = _line_lengths()
    for path in sorted((ROOT / "resources" / "samples").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for variant in (text, text.replace("\n", "\r\n"), text.replace("\n", "\r")):
            assert lengths(variant) == [len(line) for line in variant.splitlines()]  # type: ignore[operator]


# Line breaks, spaces, a form feed and the C0 separators, bullets (marks, numbers,
# hashes), a paragraph separator, letters and digits.
START_PALETTE = list("ab Z9.)#*\u2022\n\n\r\t\x0c\x0b\x1c\x85\u2028\u2029\u00a0 12")


def _line_starts_in_python(text: str, width: int) -> tuple[list[int], list[int]]:
    from core.engine import segment

    paragraphs: set[int] = set()
    sentences: set[int] = set()
    segment._line_boundaries(text, segment._lines(text), width, paragraphs, sentences)
    return sorted(paragraphs), sorted(sentences)


def _line_starts() -> object:
    from core.engine import segment

    return kernel_or_skip(segment._line_starts_in_c, None, "line starts")


def _sorted_starts(found: tuple[list[int], list[int]]) -> tuple[list[int], list[int]]:
    return sorted(found[0]), sorted(found[1])


def test_the_line_starts_on_random_text() -> None:
    starts = _line_starts()
    rng = random.Random(2505)
    for _ in range(6000):
        text = "".join(rng.choice(START_PALETTE) for _ in range(rng.randrange(80)))
        width = rng.choice((0, 1, 2, 6, 10, 72))
        found = _sorted_starts(starts(text, width))  # type: ignore[operator]
        assert found == _line_starts_in_python(text, width), (text, width)


def test_the_line_starts_of_real_text() -> None:
    starts = _line_starts()
    from core.engine.segment import wrap_width

    for path in sorted((ROOT / "resources" / "samples").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        wrapped = "\n".join(
            line
            for para in text.split("\n\n")
            for line in (para[i : i + 60] for i in range(0, len(para), 60))
        )
        for variant in (text, text.replace("\n", "\r\n"), wrapped, "1. " + wrapped):
            for width in {0, wrap_width(variant), 60}:
                found = _sorted_starts(starts(variant, width))  # type: ignore[operator]
                assert found == _line_starts_in_python(variant, width), (path.name, width)
