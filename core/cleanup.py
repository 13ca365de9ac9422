"""Semantic cleanup of a whole-document alignment, region by region.

diff-match-patch's cleanup is quadratic in the number of diff entries, so the
alignment is cut at long equal runs (which no cleanup would dissolve anyway) and
into bounded regions; each region is cleaned on its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.dmp_adapter import AlphabetOverflow, cleanup_runs
from core.lcs import Run

# An equal run this long is kept as it is and separates cleanup regions: a whole
# matched clause must never dissolve because longer deletions stand on both sides.
LONG_EQUAL = 8
# At most this many runs are cleaned together.
MAX_REGION_RUNS = 400


def cleanup(a: Sequence[int], b: Sequence[int], runs: Sequence[Run]) -> list[Run]:
    """Dissolve small equalities that sit between larger edits (see module doc)."""
    out: list[Run] = []
    region: list[Run] = []
    start_a = start_b = 0

    def flush(end_a: int, end_b: int) -> None:
        nonlocal region
        if region:
            relative = [(i - start_a, j - start_b, n) for i, j, n in region]
            try:
                cleaned = cleanup_runs(a[start_a:end_a], b[start_b:end_b], relative)
            except AlphabetOverflow:
                cleaned = relative
            out.extend((i + start_a, j + start_b, n) for i, j, n in cleaned)
        region = []

    for i, j, n in runs:
        if n >= LONG_EQUAL:
            flush(i, j)
            out.append((i, j, n))
            start_a, start_b = i + n, j + n
        else:
            region.append((i, j, n))
            if len(region) >= MAX_REGION_RUNS:
                flush(i + n, j + n)
                start_a, start_b = i + n, j + n
    flush(len(a), len(b))
    return out
