"""What a report shows where: rows, numbered moves and numbered annotation marks.

Pure and format-free (the HTML writer renders it). The rows are the window's
(``core.engine.rows``), numbered from 1 (``numbers``: "row 42" is the same row in
every format and with or without "changes only"); with "changes only", runs of
unchanged sentences fold into one row, but for ``context`` sentences on either side
of each change (``core.report.context``) and the rows holding an annotation mark,
which stay open so every mark is visible.

``joins`` reflows hard-wrapped text: per side, the spans of whitespace around a
single line break (one inside a paragraph), each shown as one space; a blank line,
which ends a paragraph, is kept.

A *move* is a block a row shows as moved (the engine's moved blocks, and equal or
changed blocks that crossed the others): it gets a number, and each side
links to the other. An annotation is *placed* on a side when its anchor still
quotes that document's text at its offsets (or re-anchoring placed it there
approximately) and it is not orphaned; the rest are listed as "could not be
placed". Marks and notes are numbered in reading order.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from core.engine.rows import Row, comparison_rows
from core.engine.segment import wrap_width
from core.model import Comparison, Span
from core.notes.annotation import Annotation, Side
from core.report.context import DEFAULT_CONTEXT, changed_rows, visible_rows

SIDES: tuple[Side, Side] = ("old", "new")
Joins = tuple[list[int], list[int]]
"""Spans shown as one space when reflowing: their starts and their ends, ascending."""
# A line break; one next to another break (across spaces) ends a paragraph.
_BREAK = re.compile(r"\r\n|[\n\r]")
_BREAKS = frozenset("\n\r\v\f\x85\u2028\u2029")


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
    numbers: tuple[int, ...] = ()
    row_count: int = 0
    joins: dict[Side, Joins] = field(default_factory=dict)

    def row_number(self, k: int) -> int:
        """The number of ``rows[k]`` (a folded row: that of its first hidden row)."""
        return self.numbers[k] if k < len(self.numbers) else k + 1

    def shown(self, side: Side, text: str, start: int, end: int) -> str:
        """``text[start:end]`` as the report shows it (reflowed when ``joins`` says so)."""
        joins = self.joins.get(side)
        if not joins:
            return text[start:end]
        starts, ends = joins
        k = bisect_right(ends, start)  # the first join ending after ``start``
        if k == len(starts) or starts[k] >= end:
            return text[start:end]
        out: list[str] = []
        at = start
        while k < len(starts) and starts[k] < end:
            if starts[k] >= start:  # a join that began before was shown with its piece
                out += [text[at : starts[k]], " "]
            at = max(at, min(ends[k], end))
            k += 1
        out.append(text[at:end])
        return "".join(out)

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


def reflows(text: str) -> bool:
    """Whether a view that reflows shows ``text``'s single line breaks as spaces: only
    when the text is hard-wrapped (``core.engine.segment.wrap_width``). Elsewhere a
    single line break ends a sentence (one a line, verse, a list, a dateline over
    the story) and is kept, as the engine keeps it."""
    return bool(wrap_width(text))


def line_joins(text: str) -> Joins:
    """The spans of ``text`` shown as one space when reflowing: the whitespace around
    each single line break (linear in the text: the breaks are found by a plain scan,
    the spaces around each by a look at its neighbours)."""
    starts: list[int] = []
    ends: list[int] = []
    n = len(text)
    for match in _BREAK.finditer(text):
        start, end = match.span()
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        while end < n and text[end] in " \t":
            end += 1
        if start == 0 or end == n or text[start - 1] in _BREAKS or text[end] in _BREAKS:
            continue
        starts.append(start)
        ends.append(end)
    return starts, ends


def _rows(
    result: Comparison, rows: tuple[Row, ...], context: int | None, hosts: set[int]
) -> tuple[tuple[Row, ...], tuple[int, ...]]:
    """The rows shown of ``rows`` (every row of ``result``) and their numbers;
    ``context`` None shows every row."""
    if context is None:
        return rows, tuple(range(1, len(rows) + 1))
    keep = {k for k, r in enumerate(rows) if hosts.intersection(r.old, r.new)}
    shown: list[Row] = []
    numbers: list[int] = []
    for item in visible_rows(changed_rows(result, rows), context, keep):
        if isinstance(item, int):
            shown.append(rows[item])
            numbers.append(item + 1)
            continue
        start, end = item
        hidden = tuple(i for r in rows[start:end] for i in r.old)
        shown.append(Row("collapsed", hidden=hidden, group=hidden[0] if hidden else -1))
        numbers.append(start + 1)
    return tuple(shown), tuple(numbers)


def move_numbers(rows: Sequence[Row]) -> dict[int, int]:
    """The moved blocks numbered in reading order (as every report numbers them)."""
    moves: dict[int, int] = {}
    for row in rows:
        for i in (*row.new, *row.old):
            if i in row.moved and i not in moves:
                moves[i] = len(moves) + 1
    return moves


Spots = dict[Side, tuple[Span, int]]
"""Where an annotation is placed: per side, its span and the block showing its mark."""


class NoteOrder:
    """The reading order of a comparison's notes, the one order every report and the
    window number them in: by the row of the block that shows a note's mark (its old
    side's, else its new side's), then side, then offset; notes that could not be
    placed last. Made once per comparison (its blocks sorted per side, its rows);
    each note is then placed by a bisection."""

    def __init__(self, result: Comparison, rows: Sequence[Row] | None = None) -> None:
        self._texts = {"old": result.old.text, "new": result.new.text}
        self._starts = {side: _starts(result, side) for side in SIDES}
        self._row_of = _row_of(rows if rows is not None else comparison_rows(result))

    def spots(self, annotation: Annotation) -> Spots:
        """Where ``annotation`` is placed on each side (none: it could not be)."""
        spots: Spots = {}
        for side in SIDES:
            anchor = annotation.anchor(side)
            if anchor is not None and _placeable(annotation, side, self._texts[side]):
                starts, indices = self._starts[side]
                if starts:
                    span = (anchor.start, anchor.end)
                    spots[side] = (span, _host(starts, indices, span))
        return spots

    def key(self, annotation: Annotation, spots: Spots | None = None) -> tuple[float, ...]:
        """What ``annotation`` sorts by in reading order."""
        if spots is None:
            spots = self.spots(annotation)
        if not spots:
            return (1, 0, 0, 0, annotation.created, annotation.id)
        side: Side = "old" if "old" in spots else "new"
        span, host = spots[side]
        return (
            0,
            self._row_of[side].get(host, 0),
            SIDES.index(side),
            span[0],
            annotation.created,
            annotation.id,
        )

    def numbered(self, annotations: Sequence[Annotation]) -> list[Annotation]:
        """``annotations`` in reading order: the first is note 1."""
        return sorted(annotations, key=self.key)


def build_layout(
    result: Comparison,
    annotations: Sequence[Annotation] = (),
    changes_only: bool = False,
    *,
    context: int | None = None,
    reflow: bool = False,
) -> ReportLayout:
    """Lay out ``result`` and ``annotations`` for a report.

    Args:
        result: the comparison.
        annotations: notes on this pair of documents (any order).
        changes_only: fold runs of unchanged sentences (never a row holding a mark),
            keeping ``context`` sentences (default ``DEFAULT_CONTEXT``) around changes.
        context: sentences of context around each change; given, it implies
            ``changes_only``.
        reflow: show single line breaks as spaces (``joins``).

    Returns:
        The rows, the move number of each moved block, and the numbered notes with
        their marks on each side.
    """
    texts = {"old": result.old.text, "new": result.new.text}
    every = comparison_rows(result)
    order = NoteOrder(result, every)
    placed = [(annotation, order.spots(annotation)) for annotation in annotations]
    hosts = {host for _, spots in placed for _, host in spots.values()}
    if changes_only and context is None:
        context = DEFAULT_CONTEXT
    rows, numbers = _rows(result, every, context, hosts)

    notes: list[Note] = []
    marks: dict[Side, list[Mark]] = {"old": [], "new": []}
    ordered = sorted(placed, key=lambda item: order.key(item[0], item[1]))
    for number, (annotation, spots) in enumerate(ordered, start=1):
        notes.append(Note(number, annotation, tuple(s for s in SIDES if s in spots)))
        for side, (span, host) in spots.items():
            marks[side].append(Mark(number, span, host))
    return ReportLayout(
        rows,
        move_numbers(rows),
        tuple(notes),
        {side: tuple(sorted(marks[side], key=lambda m: m.span)) for side in SIDES},
        numbers,
        len(every),
        {side: line_joins(texts[side]) for side in SIDES if reflows(texts[side])} if reflow else {},
    )
