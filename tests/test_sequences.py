"""The shared longest-increasing-subsequence routine against brute force."""

from __future__ import annotations

from itertools import combinations, pairwise

from hypothesis import given
from hypothesis import strategies as st

from core.engine.sequences import heaviest_increasing, longest_increasing


def _best(values: list[int], strict: bool) -> int:
    for size in range(len(values), 0, -1):
        for combo in combinations(values, size):
            pairs = list(pairwise(combo))
            if all(a < b if strict else a <= b for a, b in pairs):
                return size
    return 0


@given(st.lists(st.integers(0, 6), max_size=9), st.booleans())
def test_longest_increasing_is_longest_and_increasing(values: list[int], strict: bool) -> None:
    picked = longest_increasing(values, strict=strict)
    assert picked == sorted(set(picked))
    chosen = [values[k] for k in picked]
    assert all(a < b if strict else a <= b for a, b in pairwise(chosen))
    assert len(picked) == _best(values, strict)


def _heaviest_brute(values: list[int], weights: list[int]) -> int:
    best = 0
    for mask in range(1 << len(values)):
        chosen = [k for k in range(len(values)) if mask >> k & 1]
        if all(values[x] < values[y] for x, y in pairwise(chosen)):
            best = max(best, sum(weights[k] for k in chosen))
    return best


@given(st.lists(st.integers(0, 30), max_size=9, unique=True), st.data())
def test_heaviest_increasing_is_increasing_and_heaviest(values: list[int], data) -> None:
    weights = data.draw(st.lists(st.integers(1, 50), min_size=len(values), max_size=len(values)))
    chosen = heaviest_increasing(values, weights)
    assert chosen == sorted(chosen)
    assert all(values[x] < values[y] for x, y in pairwise(chosen))
    assert sum(weights[k] for k in chosen) == _heaviest_brute(values, weights)


def test_heaviest_increasing_prefers_one_long_item_to_two_short_ones() -> None:
    assert heaviest_increasing([2, 0, 1], [100, 1, 1]) == [0]
    assert heaviest_increasing([], []) == []
