"""Small sequence algorithms shared by the engine and the window."""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate


def totals_in_python(weights: Sequence[int]) -> array[int]:
    """The running totals of ``weights``, from 0: ``totals[j] - totals[i]`` is
    ``sum(weights[i:j])`` (``key_ids.c``'s ``running_totals`` on the compiled path)."""
    return array("q", accumulate(weights, initial=0))


def _totals_in_c(weights: Sequence[int]) -> array[int]:
    totals = array("q")
    totals.frombytes(running_totals(weights))
    return totals


running_totals_of: Callable[[Sequence[int]], array[int]]
try:
    # The compiled path's (``key_ids.c``, built by ``make native``).
    from core.engine.key_ids import running_totals

    running_totals_of = _totals_in_c
except ImportError:
    running_totals_of = totals_in_python


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


def heaviest_increasing(values: Sequence[int], weights: Sequence[int]) -> list[int]:
    """Indices of a strictly increasing subsequence of ``values`` of greatest total weight.

    Args:
        values: distinct non-negative integers (e.g. positions in another sequence).
        weights: a positive weight per value.

    Returns:
        Indices into ``values``, ascending; O(n log n) with a Fenwick tree of
        prefix maxima.
    """
    size = max(values, default=-1) + 2
    tree_weight = [0] * size
    tree_index = [-1] * size
    best = [0] * len(values)
    previous = [-1] * len(values)
    for k, (value, weight) in enumerate(zip(values, weights)):
        # The heaviest chain ending below ``value``.
        top, top_index = 0, -1
        pos = value
        while pos > 0:
            if tree_weight[pos] > top:
                top, top_index = tree_weight[pos], tree_index[pos]
            pos -= pos & -pos
        best[k] = top + weight
        previous[k] = top_index
        pos = value + 1
        while pos < size:
            if best[k] > tree_weight[pos]:
                tree_weight[pos], tree_index[pos] = best[k], k
            pos += pos & -pos
    out: list[int] = []
    k = max(range(len(values)), key=best.__getitem__, default=-1)
    while k >= 0:
        out.append(k)
        k = previous[k]
    out.reverse()
    return out
