"""Pure mapping between positions in the old and the new text, for scroll sync.

Anchors are pairs ``(old_offset, new_offset)`` taken from the starts and ends of the
equal and changed blocks and of their equal ops. Moved blocks are left out: they
cross the others, so they cannot anchor a monotone mapping. The anchors are reduced
to a chain that increases on both sides, and a position between two anchors is
interpolated linearly. Text only on one side (a deleted or inserted block) thus maps
to the point where it stands in the other text. The GUI only turns offsets into pixels.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from operator import itemgetter

from core.engine.sequences import longest_increasing
from core.model import Block, Comparison


@dataclass(frozen=True, slots=True)
class PositionMap:
    """A monotone piecewise-linear mapping between old and new code-point offsets.

    Attributes:
        old_anchors: increasing old offsets, starting with 0 and ending with the
            old length.
        new_anchors: the matching new offsets (also non-decreasing).
    """

    old_anchors: tuple[int, ...]
    new_anchors: tuple[int, ...]

    def __reduce__(self) -> tuple[type[PositionMap], tuple[tuple[int, ...], tuple[int, ...]]]:
        # As core.model's classes: compiled (core.engine.native), a frozen class
        # refuses the attribute-by-attribute setting pickle does by default.
        return PositionMap, (self.old_anchors, self.new_anchors)

    def old_to_new(self, offset: int) -> int:
        """Return the new offset that corresponds to ``offset`` in the old text."""
        return _interpolate(self.old_anchors, self.new_anchors, offset)

    def new_to_old(self, offset: int) -> int:
        """Return the old offset that corresponds to ``offset`` in the new text."""
        return _interpolate(self.new_anchors, self.old_anchors, offset)


def position_map(comparison: Comparison) -> PositionMap:
    """Build the mapping of ``comparison``'s old and new texts.

    Args:
        comparison: the engine's result.

    Returns:
        A mapping with anchors at 0, at every aligned block and equal op, and at the
        two lengths.
    """
    return map_from_blocks(comparison.blocks, comparison.old.length, comparison.new.length)


def map_from_blocks(blocks: Iterable[Block], old_length: int, new_length: int) -> PositionMap:
    """Build the mapping from blocks directly (see ``position_map``)."""
    pairs: list[tuple[int, int]] = [(0, 0)]
    for block in blocks:
        if block.kind in ("equal", "changed") and block.old and block.new:
            pairs.extend(_block_anchors(block))
    pairs.append((old_length, new_length))
    chain = _monotone_chain(pairs)
    return PositionMap(tuple(o for o, _ in chain), tuple(n for _, n in chain))


def _block_anchors(block: Block) -> list[tuple[int, int]]:
    assert block.old is not None and block.new is not None
    anchors = [(block.old[0], block.new[0])]
    for op in block.ops:
        if op.op == "equal" and op.old and op.new:
            anchors.append((op.old[0], op.new[0]))
            anchors.append((op.old[1], op.new[1]))
    anchors.append((block.old[1], block.new[1]))
    return anchors


def _monotone_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest chain of pairs increasing in both coordinates (patience method).

    The first and last pair (the document ends) always belong to the chain; a pair
    that repeats an old offset of the chain is dropped so interpolation never
    divides by zero.
    """
    first, last = pairs[0], pairs[-1]
    # The pairs come nearly sorted: sorting them first (linear for Timsort) and
    # dropping repeats next to each other is far cheaper than sorting a set.
    inner: list[tuple[int, int]] = []
    previous = None
    for p in sorted(pairs[1:-1], key=itemgetter(1, 0)):
        if p != previous and first[0] <= p[0] <= last[0] and first[1] <= p[1] <= last[1]:
            inner.append(p)
        previous = p
    chain = [inner[i] for i in longest_increasing([old for old, _ in inner], strict=False)]
    result = [first]
    for pair in chain:
        if pair[0] > result[-1][0]:
            result.append(pair)
    if last[0] > result[-1][0] or last[1] > result[-1][1]:
        result.append(last)
    else:
        result[-1] = (max(result[-1][0], last[0]), last[1])
    return result


def _interpolate(source: tuple[int, ...], target: tuple[int, ...], offset: int) -> int:
    if offset <= source[0]:
        return target[0]
    if offset >= source[-1]:
        return target[-1]
    i = bisect_right(source, offset) - 1
    s0, s1 = source[i], source[i + 1]
    t0, t1 = target[i], target[i + 1]
    if s1 == s0:
        return t0
    return t0 + round((offset - s0) * (t1 - t0) / (s1 - s0))
