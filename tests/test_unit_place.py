"""The compiled path's placing of units between unchanged paragraphs
(``core/engine/unit_place.c``) against the Python it stands in for
(``core.engine.compare.placed_in_python``).

Without a build (``make native``) the C placing is absent and the C tests skip: the
pure path is the Python itself. ``make test-native`` (CI) runs them. The Python is
checked on its own against a plain loop either way.
"""

from __future__ import annotations

import random
from array import array
from typing import TypeAlias

import pytest

from core.engine import compare, native
from tests.kernels import assert_compared_alike, kernel_or_skip

Case: TypeAlias = "tuple[array[int], array[int], list[int], list[int], tuple[tuple[int, int], ...]]"


def _placed() -> object:
    return kernel_or_skip(compare.placed_offsets, compare.placed_in_python, "unit placing")


def _case(rng: random.Random) -> Case:
    """Units in ``regions`` runs (some empty), offsets growing, shifts of either sign,
    and a paragraph between each two regions."""
    regions = rng.randint(1, 12)
    sizes = [rng.choice((0, 0, 1, 2, rng.randint(3, 40))) for _ in range(regions)]
    edges = [0]
    for size in sizes:
        edges.append(edges[-1] + size)
    starts, ends = array("q"), array("q")
    at = 0
    for _ in range(edges[-1]):
        at += rng.randint(0, 5)
        starts.append(at)
        at += rng.randint(1, 9)
        ends.append(at)
    shifts = [rng.randint(-(10**6), 10**12) for _ in range(regions)]
    paragraphs = tuple(
        (s, s + rng.randint(1, 500)) for s in (rng.randint(0, 10**9) for _ in range(regions - 1))
    )
    return starts, ends, edges, shifts, paragraphs


def _by_hand(case: Case) -> tuple[list[int], list[int]]:
    starts, ends, edges, shifts, paragraphs = case
    out_starts: list[int] = []
    out_ends: list[int] = []
    for k, shift in enumerate(shifts):
        for u in range(edges[k], edges[k + 1]):
            out_starts.append(starts[u] + shift)
            out_ends.append(ends[u] + shift)
        if k < len(paragraphs):
            out_starts.append(paragraphs[k][0])
            out_ends.append(paragraphs[k][1])
    return out_starts, out_ends


def test_the_compiled_path_places_units_in_c() -> None:
    assert (compare.placed_offsets is not compare.placed_in_python) == native.status()[0]


def test_the_python_places_units_as_a_plain_loop_does() -> None:
    rng = random.Random(5)
    for _ in range(300):
        case = _case(rng)
        got = compare.placed_in_python(*case)
        assert all(isinstance(x, array) and x.typecode == "q" for x in got)
        assert (list(got[0]), list(got[1])) == _by_hand(case)


def test_c_places_units_as_the_python_does() -> None:
    placed = _placed()
    rng = random.Random(11)
    for _ in range(2_000):
        case = _case(rng)
        got = placed(*case)  # type: ignore[operator]
        assert got == compare.placed_in_python(*case)
        assert all(isinstance(x, array) and x.typecode == "q" for x in got)


def test_c_refuses_what_does_not_fit() -> None:
    _placed()
    from core.engine.unit_place import placed  # type: ignore[import-not-found,unused-ignore]

    starts, ends = array("q", [1, 2]), array("q", [2, 3])
    with pytest.raises(ValueError):
        placed(starts, ends, [0, 3], [0], ())  # an edge past the units
    with pytest.raises(ValueError):
        placed(starts, ends, [0, 1], [0], ())  # units left over
    with pytest.raises(ValueError):
        placed(starts, ends, [0, 2, 1, 2], [0, 0, 0], ((5, 6), (7, 8)))  # edges out of order
    with pytest.raises(ValueError):
        placed(starts, ends, [0, 2], [0, 0], ())  # a shift too many
    with pytest.raises(TypeError):
        placed(array("i", [1, 2]), ends, [0, 2], [0], ())  # not 64-bit


def test_long_texts_are_compared_alike_on_both_paths() -> None:
    """The whole comparison of a long pair, whose units are placed: the same offsets
    by either path (the C through ``placed_offsets``, the Python called directly)."""
    _placed()
    assert_compared_alike(compare, "placed_offsets", compare.placed_in_python, 20, fast_path=True)


def _boundaries() -> object:
    from core.engine import blocks

    return kernel_or_skip(blocks.boundaries_in_c, None, "sentence boundaries among units")


def test_c_finds_sentence_boundaries_as_the_python_does() -> None:
    from core.engine.blocks import boundaries_in_python

    find = _boundaries()
    rng = random.Random(12)
    for _ in range(3_000):
        starts = array("q", sorted(rng.sample(range(200), rng.randint(0, 40))))
        sentences = [rng.randint(-5, 210) for _ in range(rng.randint(0, 30))]
        if rng.random() < 0.5:
            sentences.sort()  # (the segmenter's are; any order is read alike)
        expected = boundaries_in_python(starts, sentences)
        assert find(starts, sentences) == expected, (starts, sentences)  # type: ignore[operator]
        assert find(starts, tuple(sentences)) == expected  # type: ignore[operator]


def test_c_boundaries_refuse_what_does_not_fit() -> None:
    find = _boundaries()
    with pytest.raises(TypeError):
        find(array("i", [1, 2]), [1])  # type: ignore[operator]
    with pytest.raises(TypeError):
        find(array("q", [1, 2]), ["a"])  # type: ignore[operator]
    with pytest.raises(TypeError):
        find(array("q", [1, 2]))  # type: ignore[operator]


def test_unit_boundaries_take_any_starts_on_either_path() -> None:
    from core.engine.blocks import boundaries_in_python, unit_boundaries

    for starts in ([0, 3, 7, 9], array("q", [0, 3, 7, 9]), array("i", [0, 3, 7, 9])):
        assert unit_boundaries(starts, [9, 0, 4, 3, 100]) == [1, 2, 3]
        assert boundaries_in_python(starts, [9, 0, 4, 3, 100]) == [1, 2, 3]


def _alignment(rng: random.Random) -> tuple[list[tuple[int, int, int]], list[tuple[int, int]]]:
    """Random equal runs in order, and cuts in order over the same units (some cuts at
    the same place twice, some inside runs)."""
    runs: list[tuple[int, int, int]] = []
    i = j = 0
    for _ in range(rng.randint(0, 12)):
        i += rng.randint(0, 4)
        j += rng.randint(0, 4)
        n = rng.randint(1, 6)
        runs.append((i, j, n))
        i, j = i + n, j + n
    end_a, end_b = i + rng.randint(0, 4), j + rng.randint(0, 4)
    cuts = sorted(
        {(0, 0), (end_a, end_b)}
        | {(rng.randint(0, end_a), rng.randint(0, end_b)) for _ in range(rng.randint(0, 8))}
    )
    cuts = [c for k, c in enumerate(cuts) if k == 0 or c[1] >= cuts[k - 1][1]]
    if rng.random() < 0.3 and len(cuts) > 1:
        cuts.insert(1, cuts[1])  # (a cut twice: no draft between)
    return runs, cuts


def test_c_makes_the_drafts_the_python_makes() -> None:
    from core.engine import blocks

    kernel_or_skip(blocks.drafts_from_cuts, blocks.drafts_in_python, "drafts from cuts")
    rng = random.Random(28)
    kinds: set[str] = set()
    for _ in range(5000):
        runs, cuts = _alignment(rng)
        end_a = cuts[-1][0]
        ranges = sorted(
            {(lo, lo + rng.randint(1, 5)) for lo in (rng.randint(0, end_a), rng.randint(0, end_a))}
        )
        ranges = [r for k, r in enumerate(ranges) if k == 0 or r[0] >= ranges[k - 1][1]]
        for approximate in ([], ranges):
            by_c = blocks.drafts_from_cuts(runs, cuts, approximate)
            by_python = blocks.drafts_in_python(runs, cuts, approximate)
            assert by_c == by_python, (runs, cuts, approximate)
            kinds.update(d.kind for d in by_c)
    assert kinds == {"equal", "changed", "inserted", "deleted"}


def test_c_drafts_refuse_what_does_not_fit() -> None:
    from core.engine import blocks

    kernel_or_skip(blocks.drafts_from_cuts, blocks.drafts_in_python, "drafts from cuts")
    with pytest.raises(TypeError):
        blocks.drafts_from_cuts([(0, 0)], [(0, 0), (1, 1)], [])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        blocks.drafts_from_cuts([], [(0, "x"), (1, 1)], [])  # type: ignore[list-item]


def test_whole_comparisons_have_the_same_drafts_on_both_paths() -> None:
    from core.engine import blocks

    kernel_or_skip(blocks.drafts_from_cuts, blocks.drafts_in_python, "drafts from cuts")
    assert_compared_alike(compare, "drafts_from_cuts", blocks.drafts_in_python, 12)
    assert_compared_alike(compare, "drafts_from_cuts", blocks.drafts_in_python, 6, True)


def test_c_interleaves_paragraphs_as_the_python_does() -> None:
    kernel = kernel_or_skip(compare.interleaved, compare.interleaved_in_python, "interleaving")
    rng = random.Random(12)
    for _ in range(3000):
        n = rng.randrange(0, 40)
        units: object = tuple(f"u{k}" for k in range(n))
        if rng.random() < 0.3:
            units = list(range(n))
        regions = rng.randrange(1, 8)
        # (edges as the engine's, from 0 to the end, some past it; once in a while not
        # rising)
        inner = [rng.randrange(0, n + 3) for _ in range(regions - 1)]
        if rng.random() < 0.8:
            inner.sort()
        edges = [0, *inner, rng.choice([n, n + 2])]
        # (as many paragraphs as there are gaps between regions; or more, or fewer)
        paragraphs = [f"p{k}" for k in range(max(0, regions - 1 + rng.choice([0, 0, -1, 1, 3])))]
        expected = compare.interleaved_in_python(units, paragraphs, edges)  # type: ignore[arg-type]
        assert kernel(units, paragraphs, edges) == expected  # type: ignore[operator]


def test_c_interleaving_refuses_what_does_not_fit() -> None:
    kernel = kernel_or_skip(compare.interleaved, compare.interleaved_in_python, "interleaving")
    with pytest.raises(ValueError):
        kernel((1, 2), [], [0])  # type: ignore[operator]
    with pytest.raises(TypeError):
        kernel(None, [], [0, 1])  # type: ignore[operator]
    with pytest.raises(TypeError):
        kernel((1, 2), [], [0, "1"])  # type: ignore[operator]


def test_sentence_cuts_are_the_bounds_moved_and_the_paragraph_edges_sorted() -> None:
    from bisect import bisect_right

    rng = random.Random(21)
    for _ in range(5000):
        n_region = rng.randrange(0, 60)
        bounds = sorted(rng.sample(range(n_region + 1), rng.randrange(0, n_region + 1)))
        first_unit = sorted(rng.randrange(0, n_region + 1) for _ in range(rng.randrange(0, 6)))
        paragraph_units = [f + k for k, f in enumerate(first_unit)]
        n = n_region + len(first_unit)
        shifted = [b + bisect_right(first_unit, b) for b in bounds]
        cuts = {b for p in paragraph_units for b in (p, p + 1)}
        expected = sorted({b for b in (*cuts, *shifted) if 0 < b < n})
        assert compare.sentence_cuts(bounds, first_unit, paragraph_units, n) == expected
