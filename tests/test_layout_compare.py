"""The compiled path's span comparison (``core/engine/layout_compare.c``) against the
Python it stands in for (``core.engine.opspans.spelled_alike``: ``layout_free`` of both
spans, compared).

Without a build (``make native``) the C comparison is absent and these tests skip: the
pure path is the Python itself. ``make test-native`` (CI) runs them.
"""

from __future__ import annotations

import os
import random
from itertools import pairwise
from pathlib import Path

import pytest

from core.engine import native, opspans
from core.engine.tokens import tokenize

ROOT = Path(__file__).resolve().parent.parent

# Whitespace of every kind (line breaks the hyphen rule knows and ones it does not),
# the three hyphens, and letters.
PALETTE = list("ab -\u2010\u2011\u2012 \t\n\r\x0b\x0c\x1c\x85\u2028\u2029\u00a0\u3000.,")


def _same_spelling() -> object:
    if opspans.same_spelling is opspans.spelled_alike:
        if os.environ.get("REDLINE_EXPECT_NATIVE") == "1":
            pytest.fail("the compiled build has no span comparison: " + native.status()[1])
        pytest.skip("no compiled build (make native): the Python is the only path")
    return opspans.same_spelling


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
