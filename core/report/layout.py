"""What a report shows where: rows, numbered moves and numbered annotation marks.

Pure and format-free (the HTML writer renders it). The rows are the window's
(``core.engine.rows``); with "changes only", runs of unchanged sentences fold into one row,
except runs holding an annotation mark, which stay open so every mark is visible.

A *move* is a block a row shows as moved (the engine's moved blocks, and equal or
changed blocks that crossed the others): it gets a number, and each side
links to the other. An annotation is *placed* on a side when its anchor still
quotes that document's text at its offsets (or re-anchoring placed it there
approximately) and it is not orphaned; the rest are listed as "could not be
placed". Marks and notes are numbered in reading order.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from core.engine.rows import Row, comparison_rows
from core.model import Comparison, Span
from core.notes.annotation import Annotation, Side

SIDES: tuple[Side, Side] = ("old", "new")


@dataclass(frozen=True, slots=True)
class Mark:
    """An annotation's numbered mark on one side.

    Attributes:
        number: the note's number in the report.
        span: the annotated text (code points of that side's document).
        host: index of the block whose text shows the mark (at ``span`` end).
    """

    number: int
    span: Span
    host: int


@dataclass(frozen=True, slots=True)
class Note:
    """One entry of the report's list of notes.

    Attributes:
        number: shown on the mark and the note.
        annotation: the annotation itself.
        sides: the sides where its mark is placed (empty: could not be placed).
    """

    number: int
    annotation: Annotation
    sides: tuple[Side, ...]


@dataclass(frozen=True, slots=True)
class ReportLayout:
    """Rows, move numbers and annotation marks of one report."""

    rows: tuple[Row, ...]
    moves: dict[int, int]
    notes: tuple[Note, ...]
    marks: dict[Side, tuple[Mark, ...]]

    def marks_for(self, side: Side, block: int, span: Span) -> list[Mark]:
        """The marks shown in ``block`` on ``side`` or whose text overlaps its ``span``."""
        return [
            m
            for m in self.marks[side]
            if m.host == block or (m.span[0] < span[1] and m.span[1] > span[0])
        ]


def _starts(result: Comparison, side: Side) -> tuple[list[int], list[int]]:
    """Block start offsets on ``side`` in text order, and the block indices."""
    pairs = sorted(
        (span[0], i)
        for i, b in enumerate(result.blocks)
        if (span := b.old if side == "old" else b.new) is not None
    )
    return [p for p, _ in pairs], [i for _, i in pairs]


def _host(starts: list[int], indices: list[int], span: Span) -> int:
    """The block showing a mark at the end of ``span``: the last one starting before it."""
    point = span[1] - 1 if span[1] > span[0] else span[0]
    k = bisect_right(starts, point) - 1
    return indices[max(k, 0)]


def _placeable(annotation: Annotation, side: Side, text: str) -> bool:
    anchor = annotation.anchor(side)
    if anchor is None or annotation.orphaned:
        return False
    if not 0 <= anchor.start <= anchor.end <= len(text):
        return False
    return anchor.approximate or text[anchor.start : anchor.end] == anchor.quote


def _row_of(rows: Sequence[Row]) -> dict[Side, dict[int, int]]:
    where: dict[Side, dict[int, int]] = {"old": {}, "new": {}}
    for r, row in enumerate(rows):
        for i in row.old:
            where["old"][i] = r
        for i in row.new:
            where["new"][i] = r
        for i in row.hidden:
            where["old"].setdefault(i, r)
            where["new"].setdefault(i, r)
    return where


def _rows(result: Comparison, changes_only: bool, hosts: set[int]) -> tuple[Row, ...]:
    rows = comparison_rows(result, only_changed=changes_only)
    keep_open = frozenset(r.group for r in rows if r.kind == "collapsed" and hosts & set(r.hidden))
    if keep_open:
        rows = comparison_rows(result, only_changed=True, expanded=keep_open)
    return rows


def _moves(result: Comparison, rows: Sequence[Row]) -> dict[int, int]:
    moves: dict[int, int] = {}
    for row in rows:
        for i in (*row.new, *row.old):
            if i in row.moved and i not in moves:
                moves[i] = len(moves) + 1
    return moves


def build_layout(
    result: Comparison, annotations: Sequence[Annotation] = (), changes_only: bool = False
) -> ReportLayout:
    """Lay out ``result`` and ``annotations`` for a report.

    Args:
        result: the comparison.
        annotations: notes on this pair of documents (any order).
        changes_only: fold runs of unchanged sentences (never one holding a mark).

    Returns:
        The rows, the move number of each moved block, and the numbered notes with
        their marks on each side.
    """
    texts = {"old": result.old.text, "new": result.new.text}
    placed: list[tuple[Annotation, dict[Side, tuple[Span, int]]]] = []
    for annotation in annotations:
        spots: dict[Side, tuple[Span, int]] = {}
        for side in SIDES:
            anchor = annotation.anchor(side)
            if anchor is not None and _placeable(annotation, side, texts[side]):
                starts, indices = _starts(result, side)
                if starts:
                    span = (anchor.start, anchor.end)
                    spots[side] = (span, _host(starts, indices, span))
        placed.append((annotation, spots))
    hosts = {host for _, spots in placed for _, host in spots.values()}
    rows = _rows(result, changes_only, hosts)
    row_of = _row_of(rows)

    def reading_order(item: tuple[Annotation, dict[Side, tuple[Span, int]]]) -> tuple[int, ...]:
        annotation, spots = item
        if not spots:
            return (1, 0, 0, 0, annotation.id)
        side: Side = "old" if "old" in spots else "new"
        span, host = spots[side]
        return (0, row_of[side].get(host, 0), SIDES.index(side), span[0], annotation.id)

    notes: list[Note] = []
    marks: dict[Side, list[Mark]] = {"old": [], "new": []}
    for number, (annotation, spots) in enumerate(sorted(placed, key=reading_order), start=1):
        notes.append(Note(number, annotation, tuple(s for s in SIDES if s in spots)))
        for side, (span, host) in spots.items():
            marks[side].append(Mark(number, span, host))
    return ReportLayout(
        rows,
        _moves(result, rows),
        tuple(notes),
        {side: tuple(sorted(marks[side], key=lambda m: m.span)) for side in SIDES},
    )
