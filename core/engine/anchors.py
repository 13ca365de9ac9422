"""Alignment of two token-id sequences: unique anchors, then exact diffs in the gaps.

Patience-style: tokens that occur exactly once in each side (within the range being
aligned) are candidate anchors; the longest increasing subsequence of them keeps an
order-preserving set; the gaps between anchors are aligned recursively, and a gap
small enough is diffed exactly (``core.engine.lcs``). Cost grows close to linearly with the
size of similar documents, because real edits leave long runs of unique words.

A gap that is large and has no unique token (or unique pair of tokens) to anchor on
is aligned piecewise in fixed windows; those runs are flagged approximate. Results
never depend on machine speed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from core.engine.lcs import Run, equal_runs
from core.engine.sequences import longest_increasing
from core.errors import CancelledError

# A gap of at most this many cells (len(a) * len(b)) is diffed exactly in one call:
# about 10 ms for rapidfuzz's bit-parallel LCS.
DIRECT_CELLS = 25_000_000
# Gaps with a side this short go straight to the exact diff.
SMALL_GAP = 8
# Windows used when a large gap has nothing to anchor on.
WINDOW = 4_000


@dataclass(frozen=True, slots=True)
class Alignment:
    """Equal runs ``(i, j, n)``, increasing in both sequences, and the old-side
    ranges ``(start, end)`` that were aligned approximately."""

    runs: tuple[Run, ...]
    approximate: tuple[tuple[int, int], ...] = ()


class _Aligner:
    def __init__(
        self, a: Sequence[int], b: Sequence[int], should_cancel: Callable[[], bool] | None
    ) -> None:
        self.a = a
        self.b = b
        self.should_cancel = should_cancel
        self.runs: list[Run] = []
        self.approximate: list[tuple[int, int]] = []
        self.calls = 0

    def check_cancel(self) -> None:
        self.calls += 1
        if self.should_cancel is not None and self.calls % 64 == 0 and self.should_cancel():
            raise CancelledError("comparison cancelled")

    def align(self, alo: int, ahi: int, blo: int, bhi: int) -> None:
        a, b = self.a, self.b
        self.check_cancel()
        # Common prefix.
        start = alo
        while alo < ahi and blo < bhi and a[alo] == b[blo]:
            alo += 1
            blo += 1
        if alo > start:
            self.runs.append((start, blo - (alo - start), alo - start))
        # Common suffix (appended after the middle).
        n_suffix = 0
        while (
            ahi - n_suffix > alo
            and bhi - n_suffix > blo
            and a[ahi - n_suffix - 1] == b[bhi - n_suffix - 1]
        ):
            n_suffix += 1
        ahi -= n_suffix
        bhi -= n_suffix
        if alo < ahi and blo < bhi:
            self._middle(alo, ahi, blo, bhi)
        if n_suffix:
            self.runs.append((ahi, bhi, n_suffix))

    def _middle(self, alo: int, ahi: int, blo: int, bhi: int) -> None:
        small = (ahi - alo) * (bhi - blo) <= DIRECT_CELLS
        if min(ahi - alo, bhi - blo) <= SMALL_GAP:
            self.runs.extend(equal_runs(self.a[alo:ahi], self.b[blo:bhi], alo, blo))
            return
        # Unique tokens first, even when an exact LCS would be affordable: the LCS
        # prefers many scattered function words over one sentence that really
        # corresponds, the anchors do not.
        anchors = _unique_anchors(self.a, self.b, alo, ahi, blo, bhi)
        if not anchors and not small:
            anchors = _unique_pair_anchors(self.a, self.b, alo, ahi, blo, bhi)
        if not anchors:
            if small:
                self.runs.extend(equal_runs(self.a[alo:ahi], self.b[blo:bhi], alo, blo))
            else:
                self._windows(alo, ahi, blo, bhi)
            return
        i, j = alo, blo
        for ai, bj in anchors:
            if ai < i or bj < j:
                continue
            self.align(i, ai, j, bj)
            # Extend the anchor forward over equal tokens; the recursion handles the rest.
            n = 1
            while ai + n < ahi and bj + n < bhi and self.a[ai + n] == self.b[bj + n]:
                n += 1
            self.runs.append((ai, bj, n))
            i, j = ai + n, bj + n
        self.align(i, ahi, j, bhi)

    def _windows(self, alo: int, ahi: int, blo: int, bhi: int) -> None:
        """Diff a large unanchorable gap in proportional windows (approximate)."""
        self.approximate.append((alo, ahi))
        steps = max(1, -(-max(ahi - alo, bhi - blo) // WINDOW))
        for k in range(steps):
            self.check_cancel()
            a1 = alo + (ahi - alo) * k // steps
            a2 = alo + (ahi - alo) * (k + 1) // steps
            b1 = blo + (bhi - blo) * k // steps
            b2 = blo + (bhi - blo) * (k + 1) // steps
            self.runs.extend(equal_runs(self.a[a1:a2], self.b[b1:b2], a1, b1))


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest subsequence of ``pairs`` (sorted by first item) increasing in the second."""
    return [pairs[k] for k in longest_increasing([j for _, j in pairs])]


def unique_anchors_in_python(
    a: Sequence[int], b: Sequence[int], alo: int, ahi: int, blo: int, bhi: int
) -> list[tuple[int, int]]:
    """The ids found exactly once in ``a[alo:ahi]`` and once in ``b[blo:bhi]``, paired
    by position, and a longest chain of the pairs increasing on both sides
    (``unique_anchors.c`` on the compiled path; ``tests/test_unique_anchors.py``)."""
    sub_a, sub_b = a[alo:ahi], b[blo:bhi]
    unique = _once(sub_a)
    unique.intersection_update(_once(sub_b))
    where_b = {t: j for j, t in enumerate(sub_b, blo) if t in unique}
    pairs = [(i, where_b[t]) for i, t in enumerate(sub_a, alo) if t in where_b]
    return _longest_increasing(pairs)


def _unique_anchors_in_c(
    a: Sequence[int], b: Sequence[int], alo: int, ahi: int, blo: int, bhi: int
) -> list[tuple[int, int]]:
    """``unique_anchors_in_python`` by ``unique_anchors.c``, for lists of small ids."""
    if isinstance(a, list) and isinstance(b, list):
        found = unique_anchors(a, b, alo, ahi, blo, bhi)
        if found is not None:
            return found
    return unique_anchors_in_python(a, b, alo, ahi, blo, bhi)


_unique_anchors: Callable[[Sequence[int], Sequence[int], int, int, int, int], list[tuple[int, int]]]
try:
    # The compiled path's (``unique_anchors.c``, built by ``make native``): counted in
    # arrays indexed by id, the chain found in C; the same pairs.
    from core.engine.unique_anchors import unique_anchors

    _unique_anchors = _unique_anchors_in_c
except ImportError:
    _unique_anchors = unique_anchors_in_python


def _once(items: Sequence[int]) -> set[int]:
    """The items that occur exactly once in ``items``."""
    return {t for t, n in Counter(items).items() if n == 1}


def _unique_pair_anchors(
    a: Sequence[int], b: Sequence[int], alo: int, ahi: int, blo: int, bhi: int
) -> list[tuple[int, int]]:
    grams_a = list(zip(a[alo : ahi - 1], a[alo + 1 : ahi]))
    grams_b = list(zip(b[blo : bhi - 1], b[blo + 1 : bhi]))
    count_a = Counter(grams_a)
    count_b = Counter(grams_b)
    where_b = {g: j for j, g in enumerate(grams_b, blo) if count_b[g] == 1 and count_a[g] == 1}
    pairs = [(i, where_b[g]) for i, g in enumerate(grams_a, alo) if g in where_b]
    return _longest_increasing(pairs)


def align(
    a: Sequence[int],
    b: Sequence[int],
    should_cancel: Callable[[], bool] | None = None,
    fixed: Sequence[tuple[int, int]] = (),
) -> Alignment:
    """Align two id sequences.

    Args:
        a: token ids of the old text.
        b: token ids of the new text.
        should_cancel: polled now and then; when it returns True, ``CancelledError``.
        fixed: unit pairs ``(i, j)``, increasing in both, that must be matched (an
            unchanged paragraph stands for many words but is one unit: an exact
            diff would trade it for a few words elsewhere). The rest is aligned
            between them.

    Returns:
        The equal runs, sorted and non-overlapping, and the approximate ranges.
    """
    aligner = _Aligner(a, b, should_cancel)
    previous_i = previous_j = 0
    for i, j in fixed:
        aligner.align(previous_i, i, previous_j, j)
        aligner.runs.append((i, j, 1))
        previous_i, previous_j = i + 1, j + 1
    aligner.align(previous_i, len(a), previous_j, len(b))
    runs = sorted(r for r in aligner.runs if r[2] > 0)
    return Alignment(tuple(_merge_adjacent(runs)), tuple(aligner.approximate))


def _merge_adjacent(runs: list[Run]) -> list[Run]:
    out: list[Run] = []
    for i, j, n in runs:
        if out and out[-1][0] + out[-1][2] == i and out[-1][1] + out[-1][2] == j:
            pi, pj, pn = out[-1]
            out[-1] = (pi, pj, pn + n)
        else:
            out.append((i, j, n))
    return out
