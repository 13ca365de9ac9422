"""Small sequence algorithms shared by the engine and the window."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence


def longest_increasing(values: Sequence[int], *, strict: bool = True) -> list[int]:
    """Indices of a longest increasing subsequence of ``values`` (patience sorting).

    Args:
        values: the sequence.
        strict: increasing (True) or non-decreasing (False).

    Returns:
        Indices into ``values``, ascending; O(n log n).
    """
    place = bisect_left if strict else bisect_right
    tails: list[int] = []
    tail_index: list[int] = []
    previous = [-1] * len(values)
    for k, value in enumerate(values):
        pos = place(tails, value)
        if pos == len(tails):
            tails.append(value)
            tail_index.append(k)
        else:
            tails[pos] = value
            tail_index[pos] = k
        previous[k] = tail_index[pos - 1] if pos else -1
    out: list[int] = []
    k = tail_index[-1] if tail_index else -1
    while k >= 0:
        out.append(k)
        k = previous[k]
    out.reverse()
    return out
