"""Semantic cleanup of a whole-document alignment, region by region.

diff-match-patch's cleanup is quadratic in the number of diff entries, so the
alignment is cut at long equal runs (which no cleanup would dissolve anyway) and
into bounded regions; each region is cleaned on its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from core.engine.dmp_adapter import AlphabetOverflow, cleanup_runs
from core.engine.lcs import Run

# An equal run this long (in units) is kept as it is and separates cleanup regions: a
# whole matched clause must never dissolve because longer deletions stand on both
# sides. So is a run of this many words ...
LONG_EQUAL = 8
PROTECTED_WORDS = 5
# ... or of this many words holding a token that occurs at most twice in each text
# ("narrated by a british jihadist fighter" kept from a deleted sentence).
RARE_RUN_WORDS = 3
RARE_COUNT = 2
# At most this many runs are cleaned together.
MAX_REGION_RUNS = 400


def cleanup(
    a: Sequence[int], b: Sequence[int], runs: Sequence[Run], words_a: Sequence[int]
) -> list[Run]:
    """Dissolve small equalities that sit between larger edits (see module doc).

    Args:
        a: token ids of the old text.
        b: token ids of the new text.
        runs: equal runs ``(i, j, n)``.
        words_a: contract words per old unit (punctuation counts 0).
    """
    count_a: Counter[int] | None = None
    count_b: Counter[int] | None = None

    def protected(i: int, j: int, n: int) -> bool:
        nonlocal count_a, count_b
        if n >= LONG_EQUAL:
            return True
        words = sum(words_a[i : i + n])
        if words >= PROTECTED_WORDS:
            return True
        if words < RARE_RUN_WORDS:
            return False
        if count_a is None or count_b is None:
            count_a, count_b = Counter(a), Counter(b)
        return any(count_a[t] <= RARE_COUNT and count_b[t] <= RARE_COUNT for t in a[i : i + n])

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
        if protected(i, j, n):
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
