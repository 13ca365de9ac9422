"""A comparison as one stream of pieces, the way a tracked-changes document reads.

Word's redline is one text: what both versions share, deleted text where it stood
in the old version, inserted text where it stands in the new one, moved text at
both places. This module builds that stream from a ``Comparison``:

- Every word op gives items on its side(s): an ``equal`` op a pair of *kept* items
  (one per side), a ``delete`` an old item, an ``insert`` a new one; a ``moved``
  block one *move-from* item (its old span) and one *move-to* item (its new span).
  Text between items (whitespace, paragraph breaks) becomes *gap* items, so each
  side is covered from its first code point to its last.
- Kept pairs must stand in the same order on both sides. They are taken in new
  order and the longest run increasing in old order is kept (patience-style
  longest increasing subsequence, O(n log n)); any other pair becomes a deletion
  plus an insertion, so order is never silently changed.
- Between two kept pairs come the old side's items, then the new side's. Gaps that
  break lines alike on both sides are shared text; otherwise (or when only one side
  has a gap: ``video ,`` against ``video,``) the old gap is deleted and the new one
  inserted, so a paragraph split or join is a tracked change too.

Invariants (tested): the pieces that are not deleted or moved-from, read in order,
are the new text exactly; the pieces that are not inserted or moved-to are the old
text up to whitespace between words. A trivial difference (``exact`` false) is a
deletion plus an insertion, since the redline must give the old text back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from core.engine.sequences import longest_increasing
from core.model import Comparison, Span

Side = Literal["old", "new"]
PieceKind = Literal["plain", "ins", "del", "moveFrom", "moveTo"]
_ItemKind = Literal["keep", "gap", "del", "ins", "moveFrom", "moveTo"]


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of one side's text and what it is in the redline.

    Attributes:
        kind: ``plain`` (both versions, the new text shown), ``ins``, ``del``,
            ``moveFrom``, ``moveTo``.
        side: whose text ``span`` indexes (``old`` for ``del`` and ``moveFrom``).
        span: the stretch of that side's text.
        old: for ``plain`` pieces, the old stretch they stand for (annotations on
            the old side are placed through it), else None.
        move: the move's number (from 1) for ``moveFrom``/``moveTo``, else 0.
    """

    kind: PieceKind
    side: Side
    span: Span
    old: Span | None = None
    move: int = 0


@dataclass(frozen=True, slots=True)
class _Item:
    kind: _ItemKind
    span: Span
    pair: int = -1  # kept items: the pair's number
    exact: bool = True
    move: int = 0


def _line_breaks(text: str) -> int:
    """0 no line break, 1 a line break, 2 a paragraph break (a blank line)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u2029" in text or text.count("\n") >= 2:
        return 2
    return 1 if "\n" in text or "\u2028" in text else 0


def _filled(span: Span) -> bool:
    return span[0] < span[1]


def _items(result: Comparison) -> tuple[list[_Item], list[_Item]]:
    """The old side's and the new side's items (kept pairs, changes, moves)."""
    old: list[_Item] = []
    new: list[_Item] = []
    pairs: list[tuple[Span, Span, bool]] = []
    moves = 0
    for block in result.blocks:
        if block.kind == "moved" and block.old is not None and block.new is not None:
            moves += 1
            old.append(_Item("moveFrom", block.old, move=moves))
            new.append(_Item("moveTo", block.new, move=moves))
            continue
        for op in block.ops:
            if op.op == "equal" and op.old and op.new and _filled(op.old) and _filled(op.new):
                pairs.append((op.old, op.new, op.exact))
                continue
            if op.old is not None and op.old[0] < op.old[1]:
                old.append(_Item("del", op.old))
            if op.new is not None and op.new[0] < op.new[1]:
                new.append(_Item("ins", op.new))
    pairs.sort(key=lambda pair: pair[1][0])
    kept = set(longest_increasing([pair[0][0] for pair in pairs]))
    for number, (old_span, new_span, exact) in enumerate(pairs):
        if number in kept:
            old.append(_Item("keep", old_span, number, exact))
            new.append(_Item("keep", new_span, number, exact))
        else:
            old.append(_Item("del", old_span))
            new.append(_Item("ins", new_span))
    return _with_gaps(old, len(result.old.text)), _with_gaps(new, len(result.new.text))


def _with_gaps(items: list[_Item], length: int) -> list[_Item]:
    """The items in text order, overlaps clipped, with the text between them as gaps."""
    items.sort(key=lambda item: (item.span[0], item.span[1]))
    out: list[_Item] = []
    position = 0
    for item in items:
        start, end = max(item.span[0], position), item.span[1]
        if start >= end:
            continue  # wholly inside an earlier item
        if start > position:
            out.append(_Item("gap", (position, start)))
        if start != item.span[0]:
            item = _Item(item.kind, (start, end), item.pair, item.exact, item.move)
        out.append(item)
        position = end
    if position < length:
        out.append(_Item("gap", (position, length)))
    return out


class _Builder:
    def __init__(self, result: Comparison) -> None:
        self.old_text = result.old.text
        self.new_text = result.new.text
        self.pieces: list[Piece] = []

    def add(self, piece: Piece) -> None:
        if piece.span[0] >= piece.span[1]:
            return
        last = self.pieces[-1] if self.pieces else None
        if (
            last is not None
            and last.kind == piece.kind
            and last.side == piece.side
            and last.move == piece.move
            and last.span[1] == piece.span[0]
            and last.old is None
            and piece.old is None
        ):
            self.pieces[-1] = Piece(
                last.kind, last.side, (last.span[0], piece.span[1]), None, last.move
            )
            return
        self.pieces.append(piece)

    def _breaks(self, runs: list[_Item], text: str) -> int:
        return _line_breaks("".join(text[i.span[0] : i.span[1]] for i in runs))

    def between(self, old_run: list[_Item], new_run: list[_Item]) -> None:
        """The items between two kept pairs: old ones first, shared gaps once."""
        head_old, head_new = _leading_gaps(old_run), _leading_gaps(new_run)
        if len(head_old) == len(old_run) and len(head_new) == len(new_run):
            self._gaps(head_old, head_new)
            return
        self._gaps(head_old, head_new)
        old_run, new_run = old_run[len(head_old) :], new_run[len(head_new) :]
        tail_old = _leading_gaps(old_run[::-1])[::-1]
        tail_new = _leading_gaps(new_run[::-1])[::-1]
        for item in old_run[: len(old_run) - len(tail_old)]:
            kind: PieceKind = "moveFrom" if item.kind == "moveFrom" else "del"
            self.add(Piece(kind, "old", item.span, move=item.move))
        for item in new_run[: len(new_run) - len(tail_new)]:
            kind = "moveTo" if item.kind == "moveTo" else "ins"
            self.add(Piece(kind, "new", item.span, move=item.move))
        self._gaps(tail_old, tail_new)

    def _gaps(self, old_gaps: list[_Item], new_gaps: list[_Item]) -> None:
        """Whitespace of both sides at one place: shared when it breaks lines alike."""
        if not old_gaps and not new_gaps:
            return
        same = self._breaks(old_gaps, self.old_text) == self._breaks(new_gaps, self.new_text)
        if same and bool(old_gaps) == bool(new_gaps):
            old_span = (old_gaps[0].span[0], old_gaps[-1].span[1]) if old_gaps else None
            for item in new_gaps:
                self.add(Piece("plain", "new", item.span, old_span))
            return
        for item in old_gaps:
            self.add(Piece("del", "old", item.span))
        for item in new_gaps:
            self.add(Piece("ins", "new", item.span))

    def kept(self, old_item: _Item, new_item: _Item) -> None:
        if old_item.exact:
            self.add(Piece("plain", "new", new_item.span, old_item.span))
        else:
            self.add(Piece("del", "old", old_item.span))
            self.add(Piece("ins", "new", new_item.span))


def _leading_gaps(items: list[_Item]) -> list[_Item]:
    count = 0
    while count < len(items) and items[count].kind == "gap":
        count += 1
    return items[:count]


def redline_pieces(result: Comparison) -> list[Piece]:
    """The comparison as a redline: pieces in reading order (see the module)."""
    old, new = _items(result)
    builder = _Builder(result)
    i = j = 0
    while i < len(new) or j < len(old):
        old_run: list[_Item] = []
        while j < len(old) and old[j].kind != "keep":
            old_run.append(old[j])
            j += 1
        new_run: list[_Item] = []
        while i < len(new) and new[i].kind != "keep":
            new_run.append(new[i])
            i += 1
        builder.between(old_run, new_run)
        if i < len(new) and j < len(old):
            builder.kept(old[j], new[i])
            i += 1
            j += 1
        elif i < len(new) or j < len(old):  # a pair on one side only: cannot happen
            raise AssertionError("kept pairs out of step")
    return builder.pieces


def side_text(result: Comparison, pieces: list[Piece], accept: bool) -> str:
    """The text the redline reads as with every change accepted (or rejected)."""
    dropped = ("del", "moveFrom") if accept else ("ins", "moveTo")
    out = []
    for piece in pieces:
        if piece.kind in dropped:
            continue
        text = result.old.text if piece.side == "old" else result.new.text
        if piece.kind == "plain" and not accept and piece.old is not None:
            text, span = result.old.text, piece.old
            out.append(text[span[0] : span[1]])
            continue
        out.append(text[piece.span[0] : piece.span[1]])
    return "".join(out)
