"""The blocks' cut points (``core.engine.blocks.cut_points``), counted as numbers, against
the pairs they stand for: the same cuts as sorting and sifting the pairs themselves."""

from __future__ import annotations

import random
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import pairwise

from core.engine import blocks
from core.engine.lcs import Run


def _cut_points_as_pairs(
    runs: Sequence[Run], n_old: int, n_new: int, old_bounds: list[int], new_bounds: list[int]
) -> list[tuple[int, int]]:
    """What ``cut_points`` did before it counted cuts as numbers."""
    old_set, new_set = set(old_bounds), set(new_bounds)
    cuts: list[tuple[int, int]] = [(0, 0)]
    prev_i = prev_j = 0
    for i, j, n in (*runs, (n_old, n_new, 0)):
        inner_old = old_bounds[bisect_right(old_bounds, prev_i) : bisect_left(old_bounds, i)]
        inner_new = new_bounds[bisect_right(new_bounds, prev_j) : bisect_left(new_bounds, j)]
        cuts.extend(blocks._gap_cuts(prev_i, i, prev_j, j, inner_old, inner_new, old_set, new_set))
        for p in old_bounds[bisect_left(old_bounds, i) : bisect_right(old_bounds, i + n)]:
            cuts.append((p, j + p - i))
        for q in new_bounds[bisect_left(new_bounds, j) : bisect_right(new_bounds, j + n)]:
            cuts.append((i + q - j, q))
        prev_i, prev_j = i + n, j + n
    cuts.append((n_old, n_new))
    cuts.sort()
    out: list[tuple[int, int]] = []
    for c in cuts:
        if not out or (c != out[-1] and c[1] >= out[-1][1]):
            out.append(c)
    return blocks._without_slivers(out, old_set | {0, n_old}, new_set | {0, n_new})


def _random_case(rng: random.Random) -> tuple[list[Run], int, int, list[int], list[int]]:
    runs: list[Run] = []
    i = j = 0
    for _ in range(rng.randrange(0, 12)):
        i += rng.choice((0, 0, 1, 2, 5))
        j += rng.choice((0, 0, 1, 2, 5))
        n = rng.randrange(1, 9)
        runs.append((i, j, n))
        i, j = i + n, j + n
    n_old, n_new = i + rng.randrange(0, 4), j + rng.randrange(0, 4)
    # (a text's first unit may be a sentence start, and so may its end)
    old_bounds = sorted(rng.sample(range(n_old + 1), min(n_old + 1, rng.randrange(0, 8))))
    new_bounds = sorted(rng.sample(range(n_new + 1), min(n_new + 1, rng.randrange(0, 8))))
    return runs, n_old, n_new, old_bounds, new_bounds


def test_the_cuts_are_those_of_the_pairs_on_random_alignments() -> None:
    rng = random.Random(2512)
    for _ in range(20000):
        case = _random_case(rng)
        assert blocks.cut_points(*case) == _cut_points_as_pairs(*case), case


def test_the_cuts_of_a_long_alignment() -> None:
    rng = random.Random(7)
    runs: list[Run] = []
    i = j = 0
    for _ in range(3000):
        i += rng.choice((0, 1, 3, 12))
        j += rng.choice((0, 1, 3, 12))
        n = rng.randrange(1, 40)
        runs.append((i, j, n))
        i, j = i + n, j + n
    old_bounds = sorted(rng.sample(range(1, i), i // 15))
    new_bounds = sorted(rng.sample(range(1, j), j // 15))
    case = (runs, i, j, old_bounds, new_bounds)
    found = blocks.cut_points(*case)
    assert found == _cut_points_as_pairs(*case)
    assert found[0] == (0, 0) and found[-1] == (i, j)
    assert all(a < b and a[1] <= b[1] for a, b in pairwise(found))
