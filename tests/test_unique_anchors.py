"""The compiled path's alignment anchors (``core/engine/unique_anchors.c``) against the
Python they stand in for (``core.engine.anchors.unique_anchors_in_python``: the ids
found once in each range, paired, and a longest chain of the pairs in order).

Without a build (``make native``) the C anchors are absent and these tests skip: the
pure path is the Python itself. ``make test-native`` (CI) runs them.
"""

from __future__ import annotations

import random

import pytest

from core.engine import anchors, native
from tests.kernels import assert_compared_alike, kernel_or_skip


def _c_anchors() -> object:
    kernel_or_skip(anchors._unique_anchors, anchors.unique_anchors_in_python, "anchors in C")
    from core.engine.unique_anchors import unique_anchors  # type: ignore[import-not-found,unused-ignore]

    return unique_anchors


def test_the_compiled_path_finds_anchors_in_c() -> None:
    assert (anchors._unique_anchors is not anchors.unique_anchors_in_python) == native.status()[0]


def _case(rng: random.Random) -> tuple[list[int], list[int], int, int, int, int]:
    """Two id lists, drawn from few ids (many repeats) or many (many unique), with a
    shared stretch shuffled in places, and ranges inside them (some empty)."""
    ids = rng.choice((3, 10, 60, 5_000))
    a = [rng.randrange(ids) for _ in range(rng.randint(0, 80))]
    b = list(a)
    for _ in range(rng.randint(0, 6)):
        if b:
            k = rng.randrange(len(b))
            b.insert(rng.randrange(len(b) + 1), b.pop(k))
        b.insert(rng.randrange(len(b) + 1), rng.randrange(ids))
    alo = rng.randint(0, len(a))
    blo = rng.randint(0, len(b))
    return a, b, alo, rng.randint(alo, len(a)), blo, rng.randint(blo, len(b))


def test_c_finds_the_anchors_the_python_finds() -> None:
    unique_anchors = _c_anchors()
    rng = random.Random(4)
    for _ in range(20_000):
        case = _case(rng)
        expected = anchors.unique_anchors_in_python(*case)
        assert unique_anchors(*case) == expected, case  # type: ignore[operator]


def test_c_leaves_what_it_cannot_index_to_the_python() -> None:
    unique_anchors = _c_anchors()
    for a, b in (([1, -2, 3], [3, -2, 1]), ([1, 2**40], [2**40, 1]), ([1, True], [True, 1])):
        assert unique_anchors(a, b, 0, len(a), 0, len(b)) is None  # type: ignore[operator]
        assert anchors._unique_anchors(a, b, 0, len(a), 0, len(b)) == (
            anchors.unique_anchors_in_python(a, b, 0, len(a), 0, len(b))
        )
    assert anchors._unique_anchors((1, 2), (2, 1), 0, 2, 0, 2) == [(1, 0)]  # tuples: Python
    with pytest.raises(IndexError):
        unique_anchors([1, 2], [1, 2], 0, 3, 0, 2)  # type: ignore[operator]


def test_whole_comparisons_align_alike_on_both_paths() -> None:
    """Whole comparisons, aligned with the C anchors and then with the Python ones."""
    _c_anchors()
    assert_compared_alike(anchors, "_unique_anchors", anchors.unique_anchors_in_python, 30)
