"""Rows of whole sentences: which sentences of old stand beside which of new.

Blocks are the engine's units of alignment and may cut a sentence (a clause kept,
the rest rewritten). An editor reads sentence against sentence, so the side-by-side
view, the reports and the JSON ``rows`` group blocks into *rows* whose two sides are
whole sentences (1:1, 1:n, n:1, n:m, or one side empty).

Pure (no Qt). Equal and changed blocks whose order agrees in both texts are *anchors*
(the longest order-agreeing chain): an anchor's two sides always share a row. All
other spans (deleted, inserted, moved, and anchors that would cross) are *pieces* of
one side only, placed by their own offset. A row boundary is a pair of places, one in
each text, that are both sentence boundaries and that no anchor straddles. Between two
anchors, the sentences of each side are paired in order (old group ``k`` beside new
group ``k``); the extras of the longer side get rows of their own. A sentence moved
as a whole therefore has a row at each of its places; text moved inside a sentence
stays in its sentence's row.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import compress, repeat
from operator import eq, itemgetter, sub

from core.engine.made import new_row
from core.engine.sequences import longest_increasing
from core.model import Block, SentenceRow, Span


def anchor_blocks(blocks: Sequence[Block]) -> tuple[int, ...]:
    """Indices of the equal/changed blocks that form the longest order-agreeing chain."""
    candidates = [
        i
        for i, b in enumerate(blocks)
        if b.kind in ("equal", "changed") and b.old is not None and b.new is not None
    ]
    starts = [blocks[i].old[0] for i in candidates]  # type: ignore[index]
    return tuple(candidates[k] for k in longest_increasing(starts))


class _Side:
    """The pieces of one text in text order, and where a row may end among them."""

    def __init__(self, spans: list[tuple[Span, int]], sentence_starts: Sequence[int] | None):
        spans.sort()
        self.spans = [s for s, _ in spans]
        self.blocks = [i for _, i in spans]
        self.position = {i: k for k, i in enumerate(self.blocks)}
        n = len(self.spans)
        if sentence_starts is None:
            self.open = [True] * (n + 1)
        else:
            self.open = [True, *_sentence_between(self.spans, sentence_starts), True]

    def __len__(self) -> int:
        return len(self.spans)

    def rows(self, points: list[int]) -> tuple[list[Span | None], Iterator[tuple[int, ...]]]:
        """Each row's span and blocks, for rows that end at ``points`` (rising)."""
        lo, hi = points[:-1], points[1:]
        blocks = map(tuple, map(self.blocks.__getitem__, map(slice, lo, hi)))
        if not self.spans:
            return [None] * len(lo), blocks
        # (Mapped in C; an empty row's first and last pieces are looked up past its
        # place, then replaced by None.)
        end = repeat(len(self.spans) - 1)
        firsts = map(itemgetter(0), map(self.spans.__getitem__, map(min, lo, end)))
        lasts = map(itemgetter(1), map(self.spans.__getitem__, map(sub, hi, repeat(1))))
        spans: list[Span | None] = list(zip(firsts, lasts))
        for k in compress(range(len(lo)), map(eq, lo, hi)):
            spans[k] = None
        return spans, blocks


def _sentence_between(spans: list[Span], sentence_starts: Sequence[int]) -> list[bool]:
    """For each piece after the first, whether a sentence starts between the piece
    before and it: after the last character of the one, up to the first of the other.

    The same as comparing the bisections of the two places (the sentence of the one
    character and of the other), in one walk along the sentence starts: the pieces of
    one side stand apart and in order, so the places only move forward (where one does
    not, it is found by bisection).
    """
    found: list[bool] = []
    k = 0
    n = len(sentence_starts)
    last = -1
    for p in range(1, len(spans)):
        after = spans[p - 1][1] - 1  # the last character of the piece before
        if after < last:
            k = bisect_right(sentence_starts, after)
        else:
            while k < n and sentence_starts[k] <= after:
                k += 1
        last = after
        start = spans[p][0]
        if start >= after:
            found.append(k < n and sentence_starts[k] <= start)
        else:  # (pieces that overlap: as the bisection of both places says)
            found.append(k > 0 and sentence_starts[k - 1] > start)
    return found


def sentence_rows(
    blocks: Sequence[Block],
    old_sentences: Sequence[int] | None = None,
    new_sentences: Sequence[int] | None = None,
) -> tuple[SentenceRow, ...]:
    """Group ``blocks`` into rows of whole sentences (see the module doc).

    Args:
        blocks: the comparison's blocks.
        old_sentences: sorted offsets where old's sentences start; None: every block
            edge may end a row.
        new_sentences: the same for new.
    """
    return tuple(map(new_row, *row_parts(blocks, old_sentences, new_sentences)))


_RowParts = tuple[
    list[Span | None], list[Span | None], Iterable[tuple[int, ...]], Iterable[tuple[int, ...]]
]


def row_parts_in_python(
    blocks: Sequence[Block],
    old_sentences: Sequence[int] | None,
    new_sentences: Sequence[int] | None,
) -> _RowParts:
    """The rows' old spans, new spans, old blocks and new blocks (``row_bounds.c``'s
    ``rows`` on the compiled path: the same rows, 38 -> 4 ms for a 1 MB pair)."""
    old = _Side([(b.old, i) for i, b in enumerate(blocks) if b.old is not None], old_sentences)
    new = _Side([(b.new, i) for i, b in enumerate(blocks) if b.new is not None], new_sentences)
    cuts: list[tuple[int, int]] = [(0, 0)]
    prev_o = prev_n = -1
    old_open, new_open = old.open, new.open
    for a in (*anchor_blocks(blocks), None):
        o = old.position[a] if a is not None else len(old)
        n = new.position[a] if a is not None else len(new)
        if o == prev_o + 1 and n == prev_n + 1:  # two anchors in a row: nothing between
            if old_open[o] and new_open[n]:
                cuts.append((o, n))
        else:
            cuts.extend(_gap_cuts(old, new, prev_o + 1, o, prev_n + 1, n))
        prev_o, prev_n = o, n
    cuts.append((len(old), len(new)))
    rising = _rising(cuts)
    old_spans, old_blocks = old.rows(list(map(itemgetter(0), rising)))
    new_spans, new_blocks = new.rows(list(map(itemgetter(1), rising)))
    return old_spans, new_spans, old_blocks, new_blocks


row_parts: Callable[[Sequence[Block], Sequence[int] | None, Sequence[int] | None], _RowParts]
try:
    # The compiled path's (``core/engine/row_bounds.c``, built by ``make native``).
    from core.engine.row_bounds import rows as row_parts
except ImportError:
    row_parts = row_parts_in_python


def _rising(cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The cuts that move forward on both sides, from (0, 0)."""
    kept = [cuts[0]]
    last = cuts[0]
    for cut in cuts[1:]:
        if cut[0] < last[0] or cut[1] < last[1] or cut == last:
            continue
        kept.append(cut)
        last = cut
    return kept


def _gap_cuts(old: _Side, new: _Side, o1: int, o2: int, n1: int, n2: int) -> list[tuple[int, int]]:
    """Row boundaries between two anchors: old pieces ``[o1, o2)``, new ``[n1, n2)``.

    A boundary may fall before any piece of the gap or before the next anchor
    (positions ``o1..o2`` and ``n1..n2``) where a sentence starts. None on either
    side: the two anchors share a row.
    """
    valid_old = list(compress(range(o1, o2 + 1), old.open[o1 : o2 + 1]))
    valid_new = list(compress(range(n1, n2 + 1), new.open[n1 : n2 + 1]))
    if not valid_old or not valid_new:
        return []
    cuts: list[tuple[int, int]] = []
    common = min(len(valid_old), len(valid_new))
    cuts.extend(zip(valid_old[:common], valid_new[:common]))
    last_new = valid_new[common - 1]
    cuts.extend((p, last_new) for p in valid_old[common:])
    last_old = valid_old[-1]
    cuts.extend((last_old, q) for q in valid_new[common:])
    return cuts
