"""The compiled path's span comparison (``core/engine/layout_compare.c``) against the
Python it stands in for (``core.engine.opspans.spelled_alike``: ``layout_free`` of both
spans, compared).

Without a build (``make native``) the C comparison is absent and these tests skip: the
pure path is the Python itself. ``make test-native`` (CI) runs them.
"""

from __future__ import annotations

import random
from itertools import pairwise
from pathlib import Path

import pytest

from core.engine import native, opspans
from core.engine.tokens import tokenize
from tests.kernels import assert_compared_alike, kernel_or_skip

ROOT = Path(__file__).resolve().parent.parent

# Whitespace of every kind (line breaks the hyphen rule knows and ones it does not),
# the three hyphens, and letters.
PALETTE = list("ab -\u2010\u2011\u2012 \t\n\r\x0b\x0c\x1c\x85\u2028\u2029\u00a0\u3000.,")


def _same_spelling() -> object:
    return kernel_or_skip(opspans.same_spelling, opspans.spelled_alike, "span comparison")


def test_the_compiled_path_compares_spans_in_c() -> None:
    assert (opspans.same_spelling is not opspans.spelled_alike) == native.status()[0]


@pytest.mark.parametrize(
    ("old", "new", "same"),
    [
        ("eight-\nminute", "eight-minute", True),
        ("eight- \r\n  minute", "eight-minute", True),
        ("eight-\u2028minute", "eight-minute", True),
        ("eight-\u2029minute", "eight-minute", False),  # not a line break the rule knows
        ("eight- minute", "eight-minute", False),
        ("a \n\t b", "a b", True),
        ("a\u00a0b", "a b", True),
        ("a  b", "ab", False),
        (" a", "a", False),
        ("", "", True),
    ],
)
def test_the_c_comparison_agrees_on_cases(old: str, new: str, same: bool) -> None:
    compare = _same_spelling()
    assert callable(compare)
    assert opspans.spelled_alike(old, 0, len(old), new, 0, len(new)) is same
    assert compare(old, 0, len(old), new, 0, len(new)) is same


def test_the_c_comparison_agrees_on_random_spans() -> None:
    compare = _same_spelling()
    assert callable(compare)
    rng = random.Random(22)
    for _ in range(50_000):
        old = "".join(rng.choice(PALETTE) for _ in range(rng.randint(0, 12)))
        # The other side: the same text, its whitespace redrawn now and then.
        new = "".join(
            rng.choice(" \n\t\u2028") if c.isspace() and rng.random() < 0.5 else c for c in old
        )
        if rng.random() < 0.2:
            new = "".join(rng.choice(PALETTE) for _ in range(rng.randint(0, 12)))
        a1, a2 = sorted((rng.randint(0, len(old)), rng.randint(0, len(old))))
        b1, b2 = sorted((rng.randint(0, len(new)), rng.randint(0, len(new))))
        expected = opspans.spelled_alike(old, a1, a2, new, b1, b2)
        assert compare(old, a1, a2, new, b1, b2) is expected, (old, a1, a2, new, b1, b2)


def test_the_c_comparison_agrees_on_long_spans_written_mostly_alike() -> None:
    """Long spans, the same text but for whitespace redrawn, hyphens broken across lines
    and a character changed now and then: the stretches written alike that the C
    skips as bytes, cut before a run of whitespace, read as the Python reads them."""
    compare = _same_spelling()
    assert callable(compare)
    rng = random.Random(26)
    words = ["eight-", "minute", "a", "b-c", "word", "été", "中", "x" * 9, "-", "."]
    gaps = [" ", "  ", "\n", " \n ", "\t", "\r\n", "\u2028", "\u00a0", ""]
    for _ in range(6000):
        parts = [rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(0, 40))]
        old = "".join(parts)
        new = "".join(p.rstrip() + rng.choice(gaps) if rng.random() < 0.3 else p for p in parts)
        if new and rng.random() < 0.3:  # (a character changed)
            k = rng.randrange(len(new))
            new = new[:k] + rng.choice("xy -\n") + new[k + 1 :]
        if rng.random() < 0.3:  # (stored wider on one side, outside the span)
            new += "\u2603"
        end = len(new) - new.endswith("\u2603")
        a1 = rng.choice([0, 0, rng.randint(0, len(old))])
        b1 = a1 if a1 <= end and rng.random() < 0.7 else rng.randint(0, end)
        a2, b2 = len(old), end
        if rng.random() < 0.3:
            a2, b2 = rng.randint(a1, len(old)), rng.randint(b1, end)
        expected = opspans.spelled_alike(old, a1, a2, new, b1, b2)
        assert compare(old, a1, a2, new, b1, b2) is expected, (old, a1, a2, new, b1, b2)


def test_the_c_comparison_agrees_on_the_samples_units() -> None:
    compare = _same_spelling()
    assert callable(compare)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "resources").rglob("*.txt"))]
    for old, new in pairwise(texts):
        ta, tb = tokenize(old), tokenize(new)
        for i, j in zip(range(0, len(ta), 3), range(0, len(tb), 2)):
            for span_a, span_b in (
                ((ta.starts[i], ta.ends[i]), (tb.starts[j], tb.ends[j])),
                ((ta.starts[i], ta.ends[min(i + 8, len(ta) - 1)]), (tb.starts[j], tb.ends[j])),
            ):
                expected = opspans.spelled_alike(old, *span_a, new, *span_b)
                assert compare(old, *span_a, new, *span_b) is expected


def test_the_c_comparison_refuses_spans_outside() -> None:
    compare = _same_spelling()
    assert callable(compare)
    with pytest.raises(IndexError):
        compare("abc", 0, 4, "abc", 0, 3)
    with pytest.raises(IndexError):
        compare("abc", 0, 3, "abc", 2, 1)


def _units_alike() -> object:
    return kernel_or_skip(opspans.units_alike, opspans.units_alike_in_python, "unit comparison")


def test_the_compiled_path_compares_a_stretch_s_units_in_c() -> None:
    assert (opspans.units_alike is not opspans.units_alike_in_python) == native.status()[0]


def test_a_stretch_s_units_compare_alike_on_both_paths() -> None:
    """Random texts against a respelling of themselves (case, quotes, spaces before
    marks, line breaks, hyphens at a line's end): every stretch of equal units
    gets the same answers unit by unit from the C as from the Python."""
    units_alike = _units_alike()
    rng = random.Random(31)
    words = ["The", "video", ",", "which", "eight-", "minute", "\u201cYes\u201d", "it's", "I"]
    for _ in range(3_000):
        old_words = [rng.choice(words) for _ in range(rng.randint(1, 12))]
        new_words = [
            w.upper() if rng.random() < 0.1 else w.replace("\u201c", '"') for w in old_words
        ]
        old = " ".join(old_words)
        new = "".join(
            w + rng.choice([" ", " ", "\n", "  ", ""] if w != new_words[-1] else [""])
            for w in new_words
        )
        ta, tb = tokenize(old), tokenize(new)
        n = min(len(ta), len(tb))
        i1 = rng.randint(0, n)
        i2 = rng.randint(i1, n)
        j1 = rng.randint(0, len(tb) - (i2 - i1))
        got = units_alike(old, new, ta, tb, i1, i2, j1)  # type: ignore[operator]
        assert got == opspans.units_alike_in_python(old, new, ta, tb, i1, i2, j1), (old, new)


def test_the_samples_equal_stretches_compare_alike_on_both_paths() -> None:
    units_alike = _units_alike()
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "resources").rglob("*.txt"))]
    for text in texts:
        other = text.replace("\u201c", '"').replace(" ,", ",").replace("\n", "\r\n")
        ta, tb = tokenize(text), tokenize(other)
        n = min(len(ta), len(tb))
        for i1 in range(0, n, 97):
            i2 = min(n, i1 + 120)
            got = units_alike(text, other, ta, tb, i1, i2, i1)  # type: ignore[operator]
            assert got == opspans.units_alike_in_python(text, other, ta, tb, i1, i2, i1)


def test_a_stretch_outside_the_units_is_refused() -> None:
    _units_alike()
    from core.engine.layout_compare import same_units  # type: ignore[import-not-found,unused-ignore]

    ta = tokenize("a b c")
    with pytest.raises(IndexError):
        same_units("a b c", "a b c", ta.starts, ta.ends, ta.starts, ta.ends, 0, 4, 0)
    with pytest.raises(IndexError):
        same_units("a b c", "a b c", ta.starts, ta.ends, ta.starts, ta.ends, 1, 3, 2)
    with pytest.raises(TypeError):
        same_units("a b c", "a b c", [0, 2], ta.ends, ta.starts, ta.ends, 0, 1, 0)


# Units whose keys end sentences, words, spaces and line breaks of several kinds.
_BLOCK_PALETTE = ["word", "Word", "w", ".", "!", "?", "...", "\u3002", ",", "-", " ", " ", "\n"]


def _codes(rng: random.Random, n_a: int, n_b: int) -> list[tuple[str, int, int, int, int]]:
    """Random opcodes covering units [0, n_a) and [0, n_b) in order, as blocks hold."""
    codes: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    while i < n_a or j < n_b:
        tag = rng.choice(["equal", "delete", "insert", "replace", "delete-insert"])
        k = rng.randint(1, 4)
        if tag == "equal" and i < n_a and j < n_b:
            k = min(k, n_a - i, n_b - j)
            codes.append(("equal", i, i + k, j, j + k))
            i, j = i + k, j + k
        elif tag in ("delete", "delete-insert") and i < n_a:
            k = min(k, n_a - i)
            codes.append(("delete", i, i + k, j, j))
            i += k
            if tag == "delete-insert" and j < n_b:
                m = min(rng.randint(1, 4), n_b - j)
                codes.append(("insert", i, i, j, j + m))
                j += m
        elif tag == "insert" and j < n_b:
            k = min(k, n_b - j)
            codes.append(("insert", i, i, j, j + k))
            j += k
        elif tag == "replace" and i < n_a and j < n_b:
            m = min(rng.randint(1, 4), n_b - j)
            k = min(k, n_a - i)
            codes.append(("replace", i, i + k, j, j + m))
            i, j = i + k, j + m
    return codes


def test_the_builder_makes_the_ops_build_ops_makes() -> None:
    kernel_or_skip(opspans.ops_maker, opspans.ops_maker_in_python, "ops builder")
    rng = random.Random(11)
    for _ in range(3000):
        old, new = (
            "".join(rng.choice(_BLOCK_PALETTE) for _ in range(rng.randint(1, 30))) for _ in range(2)
        )
        ta, tb = tokenize(old), tokenize(new)
        if not len(ta) or not len(tb):
            continue
        starts = tuple(frozenset(k for k in range(len(t)) if rng.random() < 0.3) for t in (ta, tb))
        by_python = opspans.ops_maker_in_python(old, new, ta, tb, starts)  # type: ignore[arg-type]
        by_kernel = opspans.ops_maker(old, new, ta, tb, starts)  # type: ignore[arg-type]
        codes = _codes(rng, len(ta), len(tb))
        for layout in (True, False):
            assert by_kernel(codes, layout) == by_python(codes, layout), (old, new, codes)


def test_the_builder_refuses_codes_outside_the_units() -> None:
    kernel_or_skip(opspans.ops_maker, opspans.ops_maker_in_python, "ops builder")
    ta = tb = tokenize("One two.")
    make = opspans.ops_maker("One two.", "One two.", ta, tb, (frozenset(), frozenset()))
    for codes in ([("equal", 0, 9, 0, 9)], [("delete", 2, 1, 0, 0)], [("equal", 1, 1, 0, 0)]):
        with pytest.raises(IndexError):
            make(codes, True)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        make([("equal", 0, 1)], True)  # type: ignore[list-item]


def test_whole_comparisons_have_the_same_blocks_with_the_builder() -> None:
    from core.engine import compare

    kernel_or_skip(opspans.ops_maker, opspans.ops_maker_in_python, "ops builder")
    assert_compared_alike(compare, "ops_maker", opspans.ops_maker_in_python, 12)
    assert_compared_alike(compare, "ops_maker", opspans.ops_maker_in_python, 6, fast_path=True)
