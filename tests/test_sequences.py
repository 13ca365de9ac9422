"""The shared longest-increasing-subsequence routine against brute force."""

from __future__ import annotations

from itertools import combinations, pairwise

from hypothesis import given
from hypothesis import strategies as st

from core.sequences import longest_increasing


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
